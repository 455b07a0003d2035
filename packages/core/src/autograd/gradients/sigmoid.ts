import { mul, scalar, sub } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy * y * (1 - y), from the output so no exp is recomputed. */
export const sigmoidGradient: GradFn<'sigmoid'> = ([dy], { outputs: [y] }) => [mul(dy!, mul(y!, sub(scalar(1), y!)))];
