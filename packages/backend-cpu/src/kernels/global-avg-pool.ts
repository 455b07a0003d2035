import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { globalPoolShape } from './global-pool-shape';

/** Mean of each (n, c) plane; summed in double precision so large planes lose nothing. */
export const globalAvgPoolKernel: Kernel<'globalAvgPool'> = (inputs) => {
  const x = inputs[0]!;
  const { planes, planeSize, outShape } = globalPoolShape('globalAvgPool', x);
  const xs = f32(x);
  const y = new Float32Array(planes);
  for (let p = 0; p < planes; p++) {
    let sum = 0;
    const end = (p + 1) * planeSize;
    for (let i = p * planeSize; i < end; i++) sum += xs[i]!;
    y[p] = sum / planeSize;
  }
  return [cpuTensor(y, outShape)];
};
