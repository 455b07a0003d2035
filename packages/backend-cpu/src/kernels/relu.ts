import { unaryKernel } from './unary-kernel';

/** max(x, 0); NaN stays NaN (as torch.relu), since NaN > 0 is false but NaN is not < 0 either. */
export const reluKernel = unaryKernel('relu', (x, y) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    y[i] = v < 0 ? 0 : v;
  }
});
