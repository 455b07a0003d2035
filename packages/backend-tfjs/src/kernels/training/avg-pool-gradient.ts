import { type AvgPoolBackwardAttrs, resolvePads } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { avgRescale } from '../avg-pooling';
import { inferOutput } from '../infer-output';
import type { PoolAxis, PoolGeometry } from '../pooling';
import { placeAxis } from './place-axis';

/** The forward pool's geometry from the input size the attributes carry and dy's size (there is no x). */
function geometryOfInput(shape: readonly number[], dy: tf.Tensor, attrs: AvgPoolBackwardAttrs): PoolGeometry {
  const spatial = shape.length - 2;
  const pads = resolvePads(attrs.pads, attrs.inputSize, attrs.kernelSize, attrs.strides, new Array<number>(spatial).fill(1));
  const axis = (i: number): PoolAxis => ({
    inSize: attrs.inputSize[i]!, outSize: dy.shape[2 + i]!, kernel: attrs.kernelSize[i]!, stride: attrs.strides[i]!,
    dilation: 1, padBegin: pads[i]!, padEnd: pads[i + spatial]!,
  });
  const one: PoolAxis = { inSize: 1, outSize: 1, kernel: 1, stride: 1, dilation: 1, padBegin: 0, padEnd: 0 };
  return spatial === 1 ? { outShape: dy.shape, h: one, w: axis(0) } : { outShape: dy.shape, h: axis(0), w: axis(1) };
}

/**
 * dy -> dx for avgPool1d / avgPool2d, the adjoint of the forward pool (avg-pooling.ts): each dy
 * divided by its window's PyTorch divisor (the forward's avgRescale over kH·kW), then spread
 * over its window by a transposed convolution with a kH×kW filter of ones on planes
 * [N·C, outH, outW, 1], onto the frame the windows tile in padded coordinates; the frame is
 * cut back to the input (padding, and ceilMode's overhang, receive nothing that survives).
 */
export function avgPoolGradient(op: 'avgPool1dBackward' | 'avgPool2dBackward', inputs: readonly tf.Tensor[], attrs: AvgPoolBackwardAttrs): tf.Tensor[] {
  // Core's inference checks dy against what the forward pool makes of an input of inputSize.
  const { shape } = inferOutput(op, inputs, attrs);
  const dy = inputs[0]!;
  const g = geometryOfInput(shape, dy, attrs);
  const { h, w } = g;
  const planes = shape[0]! * shape[1]!;
  const area = h.kernel * w.kernel;
  const rescale = avgRescale(g, attrs.countIncludePad);
  let share = tf.reshape(dy, [planes, h.outSize, w.outSize, 1]) as tf.Tensor4D;
  share = rescale ? tf.mul(share, tf.tensor4d(rescale.map((r) => r / area), [1, h.outSize, w.outSize, 1])) : tf.div(share, area);
  const frame: [number, number, number, number] = [planes, (h.outSize - 1) * h.stride + h.kernel, (w.outSize - 1) * w.stride + w.kernel, 1];
  const spread = tf.conv2dTranspose(share, tf.ones([h.kernel, w.kernel, 1, 1]) as tf.Tensor4D, frame, [h.stride, w.stride], 'valid');
  const dx = placeAxis(placeAxis(spread, 1, -h.padBegin, h.inSize), 2, -w.padBegin, w.inSize);
  return [tf.reshape(dx, [...shape])];
}
