import { mul } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy * e^x, which is the output. */
export const expGradient: GradFn<'exp'> = ([dy], { outputs: [y] }) => [mul(dy!, y!)];
