import { div, mul, neg } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { sumToShape } from './shape-helpers';

/** y = a / b: da = dy / b, db = -dy * a / b² = -dy * y / b; each summed back over its broadcast axes. */
export const divGradient: GradFn<'div'> = ([dy], { inputs: [a, b], outputs: [y] }) => [
  sumToShape(div(dy!, b!), a!.shape),
  sumToShape(neg(div(mul(dy!, y!), b!)), b!.shape),
];
