import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutput } from './infer-static-shape';
import type { StaticShape } from '@cnnkit/core';
import { type ReductionView, axisRuns, reducedAxes, reductionView } from './reduce-axes';

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

/**
 * scale · the sum over `axes` of data (shape `shape`): sumBlocks over reductionView, except for
 * reduced axes on both sides of the kept ones — [A, K, B] summed over A and B, a convolution
 * bias's gradient over N, H and W — which is summed where it lies instead of permuted into
 * [K, A·B] first.
 */
export function sumOver(data: Float32Array, shape: StaticShape, axes: readonly number[], op: string, mean: boolean): Float32Array {
  const runs = axisRuns(shape, reducedAxes(shape, axes, op));
  if (runs.length === 3 && runs[0]!.reduced && !runs[1]!.reduced && runs[2]!.reduced) {
    const [a, k, b] = [runs[0]!.size, runs[1]!.size, runs[2]!.size];
    return sumAround(data, a, k, b, mean ? 1 / (a * b) : 1);
  }
  const view = reductionView(data, shape, axes, op);
  return sumBlocks(view, mean ? 1 / view.reduced : 1);
}

/**
 * out[k] = scale · Σ over a and b of data[(a·K + k)·B + b], in float64. Each (a, k) run of B
 * values is summed in four interleaved partial sums (b mod 4) added together at the end of the
 * channel: four independent float64 add chains instead of one, whose every add waited on the
 * previous one's latency (a convolution bias's gradient over LeNet-5's first layer, 301,056
 * values, took 0.31 ms). The order differs from one chain's only inside float64, far below the
 * float32 rounding of the result.
 */
function sumAround(data: Float32Array, outerSize: number, kept: number, innerSize: number, scale: number): Float32Array {
  const out = new Float32Array(kept);
  const quads = innerSize - (innerSize % 4);
  for (let k = 0; k < kept; k++) {
    let acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
    for (let a = 0; a < outerSize; a++) {
      const at = (a * kept + k) * innerSize;
      let b = 0;
      for (; b < quads; b += 4) {
        acc0 += data[at + b]!;
        acc1 += data[at + b + 1]!;
        acc2 += data[at + b + 2]!;
        acc3 += data[at + b + 3]!;
      }
      for (; b < innerSize; b++) acc0 += data[at + b]!;
    }
    out[k] = (acc0 + acc1 + (acc2 + acc3)) * scale;
  }
  return out;
}

/** Sum over any set of axes (every axis when empty), keepDims as core's shape inference says. */
export const reduceSumKernel: Kernel<'reduceSum'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('reduceSum', inputs, attrs);
  return [cpuTensor(sumOver(f32(x), x.shape, attrs.axes, 'reduceSum', false), shape)];
};
