import { div, mul, scalar } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy / (2 sqrt(x)), from the output. */
export const sqrtGradient: GradFn<'sqrt'> = ([dy], { outputs: [y] }) => [div(mul(dy!, scalar(0.5)), y!)];
