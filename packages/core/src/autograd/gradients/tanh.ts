import { mul, scalar, sub } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy * (1 - y²), from the output. */
export const tanhGradient: GradFn<'tanh'> = ([dy], { outputs: [y] }) => [mul(dy!, sub(scalar(1), mul(y!, y!)))];
