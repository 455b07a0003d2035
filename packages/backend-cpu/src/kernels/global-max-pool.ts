import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { globalPoolShape } from './global-pool-shape';

/** Max of each (n, c) plane; a NaN in the plane makes it NaN, like PyTorch's amax. */
export const globalMaxPoolKernel: Kernel<'globalMaxPool'> = (inputs) => {
  const x = inputs[0]!;
  const { planes, planeSize, outShape } = globalPoolShape('globalMaxPool', x);
  const xs = f32(x);
  const y = new Float32Array(planes);
  for (let p = 0; p < planes; p++) {
    let m = -Infinity;
    const end = (p + 1) * planeSize;
    // Math.max is NaN when either side is: PyTorch's amax rule.
    for (let i = p * planeSize; i < end; i++) m = Math.max(m, xs[i]!);
    y[p] = m;
  }
  return [cpuTensor(y, outShape)];
};
