import type { AvgPoolAttrs } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { type PoolAxis, type PoolGeometry, fromPlanes, paddedPlanes, poolGeometry } from './pooling';

/**
 * Window o's divisor along one axis, PyTorch's rule (as the reference's avgDivisors): with
 * countIncludePad the window cut at the end of the declared end padding (so ceilMode's overhang
 * past it does not count); without, the number of real elements.
 */
function axisDivisor(a: PoolAxis, o: number, countIncludePad: boolean): number {
  const start = o * a.stride - a.padBegin;
  if (countIncludePad) return Math.min(start + a.kernel, a.inSize + a.padEnd) - start;
  return Math.max(Math.min(start + a.kernel, a.inSize) - Math.max(start, 0), 0);
}

/**
 * kH·kW / divisor for every window, or undefined when every window divides by its full area
 * (no padding counted out, no overhang): then tfjs's mean already is PyTorch's. A window of
 * padding only sums nothing; divisor 1 keeps it 0 as PyTorch does, not 0 / 0.
 */
export function avgRescale(g: PoolGeometry, countIncludePad: boolean): Float32Array | undefined {
  const area = g.h.kernel * g.w.kernel;
  const scale = new Float32Array(g.h.outSize * g.w.outSize);
  let needed = false;
  for (let oh = 0, q = 0; oh < g.h.outSize; oh++) {
    const dh = axisDivisor(g.h, oh, countIncludePad);
    for (let ow = 0; ow < g.w.outSize; ow++, q++) {
      const divisor = Math.max(dh * axisDivisor(g.w, ow, countIncludePad), 1);
      scale[q] = area / divisor;
      if (divisor !== area) needed = true;
    }
  }
  return needed ? scale : undefined;
}

/**
 * Average pools with PyTorch's ceilMode and countIncludePad, which tfjs lacks: zero padding is
 * added explicitly (paddedPlanes), tfjs's valid avgPool gives sum / (kH·kW), and windows whose
 * PyTorch divisor differs are rescaled by kH·kW / divisor, worked out on the host.
 */
export function avgPool(op: 'avgPool1d' | 'avgPool2d', inputs: readonly tf.Tensor[], attrs: AvgPoolAttrs): tf.Tensor[] {
  const x = inputs[0]!;
  const g = poolGeometry(op, x, attrs);
  let y: tf.Tensor4D = tf.avgPool(paddedPlanes(x, g, 0), [g.h.kernel, g.w.kernel], [g.h.stride, g.w.stride], 'valid');
  const scale = avgRescale(g, attrs.countIncludePad);
  if (scale) y = tf.mul(y, tf.tensor4d(scale, [1, g.h.outSize, g.w.outSize, 1]));
  return [fromPlanes(y, g)];
}
