import { type AvgPoolAttrs, type MaxPoolAttrs, resolvePads } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { type TypedShape, inferOutput } from './infer-output';

/** One spatial axis of a pool, in padded coordinates: window o starts at o·stride − padBegin. */
export interface PoolAxis {
  readonly inSize: number;
  readonly outSize: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBegin: number;
  readonly padEnd: number;
}

/** A 1-D or 2-D pool as a 2-D one over [N·C, H, W, 1]: pools never mix planes, so no transpose. */
export interface PoolGeometry {
  readonly outShape: readonly number[];
  readonly h: PoolAxis;
  readonly w: PoolAxis;
}

type PoolOp = 'maxPool1d' | 'maxPool2d' | 'avgPool1d' | 'avgPool2d';

/**
 * Pads and output sizes by core's rules: resolvePads, and the output shape from the op's own
 * inference (poolOutputSize: ceilMode's last window may hang over the end but must start inside).
 */
export function poolGeometry(op: PoolOp, x: TypedShape, attrs: MaxPoolAttrs | AvgPoolAttrs): PoolGeometry {
  const outShape = inferOutput<PoolOp>(op, [x], attrs).shape;
  const spatial = x.shape.length - 2;
  const inSize = x.shape.slice(2);
  const dilations = 'dilations' in attrs ? attrs.dilations : new Array<number>(spatial).fill(1);
  const pads = resolvePads(attrs.pads, inSize, attrs.kernelSize, attrs.strides, dilations);
  const axis = (i: number): PoolAxis => ({
    inSize: inSize[i]!, outSize: outShape[2 + i]!, kernel: attrs.kernelSize[i]!, stride: attrs.strides[i]!,
    dilation: dilations[i]!, padBegin: pads[i]!, padEnd: pads[i + spatial]!,
  });
  const one: PoolAxis = { inSize: 1, outSize: 1, kernel: 1, stride: 1, dilation: 1, padBegin: 0, padEnd: 0 };
  return spatial === 1 ? { outShape, h: one, w: axis(0) } : { outShape, h: axis(0), w: axis(1) };
}

/** The padded extent every window fits in exactly: (out − 1)·stride + dilated kernel. */
function coveredExtent(a: PoolAxis): number {
  return (a.outSize - 1) * a.stride + (a.kernel - 1) * a.dilation + 1;
}

/**
 * The input as planes [N·C, H, W, 1], padded with `fill` so that the windows tile it exactly:
 * begin padding as resolved, end padding up to the last window's end. With ceilMode that is more
 * than the declared end padding; when the windows stop short of the input's end (floor mode), the
 * unread tail is cut off instead.
 */
export function paddedPlanes(x: tf.Tensor, g: PoolGeometry, fill: number): tf.Tensor4D {
  return paddedWindows(tf.reshape(x, [x.shape[0]! * x.shape[1]!, g.h.inSize, g.w.inSize, 1]) as tf.Tensor4D, g, fill);
}

/** paddedPlanes' padding on any [A, H, W, B] tensor: planes, or an NHWC batch (pools never mix channels). */
export function paddedWindows(planes: tf.Tensor4D, g: PoolGeometry, fill: number): tf.Tensor4D {
  const endH = coveredExtent(g.h) - g.h.inSize - g.h.padBegin;
  const endW = coveredExtent(g.w) - g.w.inSize - g.w.padBegin;
  if (endH < 0 || endW < 0) {
    planes = tf.slice(planes, [0, 0, 0, 0], [-1, g.h.inSize + Math.min(endH, 0), g.w.inSize + Math.min(endW, 0), -1]);
  }
  const pads: [number, number][] = [[0, 0], [g.h.padBegin, Math.max(endH, 0)], [g.w.padBegin, Math.max(endW, 0)], [0, 0]];
  return pads.some(([b, e]) => b > 0 || e > 0) ? tf.pad(planes, pads, fill) : planes;
}

/** The pooled planes [N·C, outH, outW, 1] back to [N, C, ...out]. */
export function fromPlanes(y: tf.Tensor, g: PoolGeometry): tf.Tensor {
  return tf.reshape(y, [...g.outShape]);
}
