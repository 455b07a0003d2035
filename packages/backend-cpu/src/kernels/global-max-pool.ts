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
    for (let i = p * planeSize; i < end; i++) {
      const v = xs[i]!;
      if (v > m || v !== v) m = v;
    }
    y[p] = m;
  }
  return [cpuTensor(y, outShape)];
};
