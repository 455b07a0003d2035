import { CnnkitError } from '../../errors';
import { formatShape } from '../../tensor/shape';
import type { GradFn } from '../gradient';
import { maxPool1dBackward, maxPool2dBackward } from './backward-ops';

/**
 * A max pool whose one window is the whole plane, so dy goes to the (first) maximum, as with
 * PyTorch's adaptive_max_pool(1). Only 1-D and 2-D pools have backward kernels.
 */
export const globalMaxPoolGradient: GradFn<'globalMaxPool'> = ([dy], { inputs: [x] }) => {
  const window = x!.shape.slice(2);
  if (x!.rank === 3) return [maxPool1dBackward(x!, dy!, { kernelSize: window })];
  if (x!.rank === 4) return [maxPool2dBackward(x!, dy!, { kernelSize: window })];
  throw new CnnkitError('UNSUPPORTED_OP', `globalMaxPool gradient: x has shape ${formatShape(x!.shape)} (rank ${x!.rank}); expected rank 3 or 4 (N, C, L or N, C, H, W): there is no 3-D max pool backward op`, { op: 'globalMaxPool', shape: x!.shape });
};
