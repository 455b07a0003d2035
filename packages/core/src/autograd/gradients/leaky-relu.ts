import { add, mul, relu, scalar, sign } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy where x > 0, else alpha * dy (alpha at x = 0, as PyTorch): factor = alpha + (1 - alpha) * [x > 0]. */
export const leakyReluGradient: GradFn<'leakyRelu'> = ([dy], { inputs: [x], attrs }) => {
  const positive = relu(sign(x!));
  return [mul(dy!, add(scalar(attrs.alpha), mul(positive, scalar(1 - attrs.alpha))))];
};
