import { div } from '../../eager/functional';
import type { GradFn } from '../gradient';

export const logGradient: GradFn<'log'> = ([dy], { inputs: [x] }) => [div(dy!, x!)];
