import { type Padding, resolvePads } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';

/**
 * A 1-D or 2-D window (convolution or pool) as a 2-D one: a 1-D op is a 2-D op over H = 1 with
 * a 1×k window. Pads are resolved with core's rule (resolvePads) against the input's size.
 */
export interface Window2d {
  readonly kernel: [number, number];
  readonly strides: [number, number];
  readonly dilations: [number, number];
  /** [top, bottom, left, right]: per axis, begin then end (core's are all begins, then all ends). */
  readonly pads: [number, number, number, number];
}

export interface WindowAttrs {
  readonly strides: readonly number[];
  readonly pads: Padding;
  readonly dilations?: readonly number[];
}

export function window2d(spatial: 1 | 2, inSize: readonly number[], kernel: readonly number[], attrs: WindowAttrs): Window2d {
  const dilations = attrs.dilations ?? new Array<number>(spatial).fill(1);
  const p = resolvePads(attrs.pads, inSize, kernel, attrs.strides, dilations);
  if (spatial === 1) {
    return { kernel: [1, kernel[0]!], strides: [1, attrs.strides[0]!], dilations: [1, dilations[0]!], pads: [0, 0, p[0]!, p[1]!] };
  }
  return {
    kernel: [kernel[0]!, kernel[1]!], strides: [attrs.strides[0]!, attrs.strides[1]!],
    dilations: [dilations[0]!, dilations[1]!], pads: [p[0]!, p[2]!, p[1]!, p[3]!],
  };
}

/** The extent of a dilated kernel along H and W: (k - 1)·d + 1. */
export function effectiveKernel2d(w: Window2d): [number, number] {
  return [(w.kernel[0] - 1) * w.dilations[0] + 1, (w.kernel[1] - 1) * w.dilations[1] + 1];
}

/** [N, C, L] as [N, C, 1, L]; 4-D tensors as they are. */
export function as4d(t: tf.Tensor): tf.Tensor4D {
  const s = t.shape;
  return (t.rank === 3 ? tf.reshape(t, [s[0]!, s[1]!, 1, s[2]!]) : t) as tf.Tensor4D;
}
