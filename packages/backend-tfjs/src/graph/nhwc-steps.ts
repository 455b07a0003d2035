import { type ConvAttrs, type MaxPoolAttrs, type OpAttrs, resolvePads } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { tfPad } from '../kernels/convolution';
import { nchwToNhwc, nhwcToNchw, oihwToHwio } from '../kernels/layout';
import { maxPoolWindows } from '../kernels/max-pooling';
import { paddedWindows, poolGeometry } from '../kernels/pooling';

// The NHWC forms of the ops a compiled graph keeps in NHWC (layout-plan.ts). Each computes the
// same tfjs ops as its NCHW kernel in src/kernels, only without the transposes around it, so
// results are the same numbers.

/**
 * Channels first to channels last: NCHW to NHWC, or NCL to NLC for a rank-3 value; a reshape (no
 * data moved) when C is 1 or the spatial size is 1, as for a grayscale image input.
 */
export function toNhwc(x: tf.Tensor): tf.Tensor {
  if (x.rank === 3) {
    const [n, c, l] = x.shape as [number, number, number];
    return c === 1 || l === 1 ? tf.reshape(x, [n, l, c]) : tf.transpose(x, [0, 2, 1]);
  }
  const [n, c, h, w] = x.shape as [number, number, number, number];
  return c === 1 || h * w === 1 ? tf.reshape(x, [n, h, w, c]) : nchwToNhwc(x as tf.Tensor4D);
}

/** Channels last to channels first (NHWC to NCHW, NLC to NCL); a reshape when C is 1 or the spatial size is 1. */
export function toNchw(x: tf.Tensor): tf.Tensor {
  if (x.rank === 3) {
    const [n, l, c] = x.shape as [number, number, number];
    return c === 1 || l === 1 ? tf.reshape(x, [n, c, l]) : tf.transpose(x, [0, 2, 1]);
  }
  const [n, h, w, c] = x.shape as [number, number, number, number];
  return c === 1 || h * w === 1 ? tf.reshape(x, [n, c, h, w]) : nhwcToNchw(x as tf.Tensor4D);
}

/** A constant convolution's filter in tfjs's HWIO layout and its bias, made once at compile time. */
export interface PreparedConv {
  readonly filter: tf.Tensor4D;
  readonly bias: tf.Tensor1D | undefined;
}

/** conv1d's OIL weights are a conv2d's over H = 1 (kernels/convolution.ts): filter [1, L, I, O]. */
export function prepareConv(w: tf.Tensor, b: tf.Tensor | undefined): PreparedConv {
  const filter = tf.tidy(() => oihwToHwio((w.rank === 3 ? tf.reshape(w, [w.shape[0]!, w.shape[1]!, 1, w.shape[2]!]) : w) as tf.Tensor4D));
  return { filter, bias: b === undefined ? undefined : tf.clone(b) as tf.Tensor1D };
}

/**
 * conv2d or conv1d (one group, see layout-plan.ts's fastConv) of a channels-last or channels-first
 * input, channels last out. conv1d runs as the kernel runs it, a conv2d over H = 1, on [N, 1, L, C].
 */
export function convNhwc(x: tf.Tensor, inputIsNhwc: boolean, conv: PreparedConv, attrs: ConvAttrs, activation?: 'relu'): tf.Tensor {
  const act = activation === undefined ? {} : { activation };
  if (x.rank === 3) {
    const xl = inputIsNhwc ? x : toNhwc(x);
    const [n, l, c] = xl.shape as [number, number, number];
    const k = conv.filter.shape[1];
    const p = resolvePads(attrs.pads, [l], [k], attrs.strides, attrs.dilations);
    const y = tf.fused.conv2d({
      x: tf.reshape(xl, [n, 1, l, c]) as tf.Tensor4D, filter: conv.filter, strides: [1, attrs.strides[0]!], pad: tfPad([0, 0, p[0]!, p[1]!]),
      dilations: [1, attrs.dilations[0]!], ...(conv.bias ? { bias: conv.bias } : {}), ...act,
    });
    return tf.reshape(y, [n, y.shape[2], y.shape[3]]);
  }
  const xh = (inputIsNhwc ? x : toNhwc(x)) as tf.Tensor4D;
  const [kH, kW] = conv.filter.shape;
  const p = resolvePads(attrs.pads, [xh.shape[1], xh.shape[2]], [kH, kW], attrs.strides, attrs.dilations);
  const pad = tfPad([p[0]!, p[2]!, p[1]!, p[3]!]);
  const strides: [number, number] = [attrs.strides[0]!, attrs.strides[1]!];
  const dilations: [number, number] = [attrs.dilations[0]!, attrs.dilations[1]!];
  return tf.fused.conv2d({ x: xh, filter: conv.filter, strides, pad, dilations, ...(conv.bias ? { bias: conv.bias } : {}), ...act });
}

/** Inference batchNorm's per-channel y = x·a + b (see kernels/batch-norm.ts), a and b made once. */
export interface PreparedBatchNorm {
  readonly a: tf.Tensor;
  readonly b: tf.Tensor;
}

export function prepareBatchNorm(scale: tf.Tensor, bias: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, attrs: OpAttrs<'batchNorm'>): PreparedBatchNorm {
  return tf.tidy(() => {
    const a = tf.div(scale, tf.sqrt(tf.add(variance, attrs.epsilon)));
    return { a, b: tf.sub(bias, tf.mul(mean, a)) };
  });
}

/** NHWC: the channel vectors broadcast over the last axis as they are. */
export function batchNormNhwc(x: tf.Tensor, bn: PreparedBatchNorm): tf.Tensor {
  return tf.add(tf.mul(x, bn.a), bn.b);
}

/**
 * maxPool2d (no dilation, see layout-plan.ts) of an NHWC batch: pools never mix channels, so the
 * planes' code runs on it directly. maxPoolWindows adds five ops to put back the NaN that tfjs's
 * maxPool drops; `noNaN` (a run overflow-bound.ts proved free of NaN) takes tfjs's plain maxPool,
 * which is then exact.
 */
export function maxPoolNhwc(x: tf.Tensor, attrs: MaxPoolAttrs, noNaN: boolean): tf.Tensor {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const g = poolGeometry('maxPool2d', { dtype: x.dtype, shape: [n, c, h, w] }, attrs);
  if (noNaN) return tf.maxPool(paddedWindows(x as tf.Tensor4D, g, -Infinity), [g.h.kernel, g.w.kernel], [g.h.stride, g.w.stride], 'valid');
  return maxPoolWindows(x as tf.Tensor4D, g);
}

/**
 * linear with its weight [out, in] transposed once to [in, out]: tfjs-backend-wasm's matMul with
 * transposeB is several times slower than a plain one. Without transposeB, tf.fused.matMul's bias
 * is right on wasm 4.22 (its wrong offsets past the first row, see kernels/linear.ts, come with
 * transposeB only), so the bias rides along in the same call.
 */
export interface PreparedLinear {
  readonly weightInOut: tf.Tensor2D;
  readonly bias: tf.Tensor1D | undefined;
}

/**
 * `flatFrom` [C, H, W]: the input is an NHWC value flattened as it lies ([N, H·W·C], see
 * flattenNhwc), so the weight's columns, in core's C·H·W order, are put in H·W·C order once here.
 */
export function prepareLinear(w: tf.Tensor, b: tf.Tensor | undefined, flatFrom?: readonly [number, number, number]): PreparedLinear {
  const weightInOut = tf.tidy(() => {
    if (flatFrom === undefined) return tf.transpose(w as tf.Tensor2D);
    const [c, h, wd] = flatFrom;
    const out = w.shape[0]!;
    return tf.transpose(tf.reshape(tf.transpose(tf.reshape(w, [out, c, h, wd]), [0, 2, 3, 1]), [out, c * h * wd])) as tf.Tensor2D;
  });
  return { weightInOut, bias: b === undefined ? undefined : tf.clone(b) as tf.Tensor1D };
}

/** flatten(startDim 1) of an NHWC batch as it lies: [N, H·W·C], read only by linears prepared with flatFrom. */
export function flattenNhwc(x: tf.Tensor): tf.Tensor2D {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  return tf.reshape(x, [n, h * w * c]);
}

export function linearPrepared(x: tf.Tensor, linear: PreparedLinear, activation?: 'relu'): tf.Tensor {
  const [features, outputs] = linear.weightInOut.shape;
  const rows = x.rank === 2 ? (x as tf.Tensor2D) : (tf.reshape(x, [-1, features]) as tf.Tensor2D);
  const biased = tf.fused.matMul({ a: rows, b: linear.weightInOut, ...(linear.bias ? { bias: linear.bias } : {}), ...(activation ? { activation } : {}) });
  return x.rank === 2 ? biased : tf.reshape(biased, [...x.shape.slice(0, -1), outputs]);
}
