import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutput } from './infer-static-shape';
import { type ReductionView, reductionView } from './reduce-axes';

/**
 * out[o * inner + i] = scale * sum over r of the view's (o, r, i). Sums run in float64 and round
 * once, so long reductions lose no more than float32's own rounding of the result.
 */
export function sumBlocks({ data, outer, reduced, inner }: ReductionView, scale: number): Float32Array {
  const out = new Float32Array(outer * inner);
  if (inner === 1) {
    for (let o = 0; o < outer; o++) {
      let acc = 0;
      for (let r = 0, at = o * reduced; r < reduced; r++, at++) acc += data[at]!;
      out[o] = acc * scale;
    }
    return out;
  }
  // Walk each block row by row (contiguous reads) into one float64 accumulator row.
  const acc = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    acc.fill(0);
    for (let r = 0; r < reduced; r++) {
      const at = (o * reduced + r) * inner;
      for (let i = 0; i < inner; i++) acc[i]! += data[at + i]!;
    }
    const to = o * inner;
    for (let i = 0; i < inner; i++) out[to + i] = acc[i]! * scale;
  }
  return out;
}

/** Sum over any set of axes (every axis when empty), keepDims as core's shape inference says. */
export const reduceSumKernel: Kernel<'reduceSum'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('reduceSum', inputs, attrs);
  return [cpuTensor(sumBlocks(reductionView(f32(x), x.shape, attrs.axes, 'reduceSum'), 1), shape)];
};
