import { unaryKernel } from './unary-kernel';

/** x if x >= 0 else alpha * x (PyTorch's F.leaky_relu; alpha defaults to 0.01 in the op def). */
export const leakyReluKernel = unaryKernel('leakyRelu', (x, y, { alpha }) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    y[i] = v < 0 ? alpha * v : v;
  }
});
