import { type ConvAttrs, resolvePads } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { circularPad2d } from './circular-pad';
import { inferOutput } from './infer-output';
import { nchwToNhwc, nhwcToNchw, oihwToHwio } from './layout';

/** A 1-D or 2-D convolution as a 2-D one: a 1-D convolution is a 2-D one over H = 1. */
export interface Geometry2d {
  readonly strides: [number, number];
  readonly dilations: [number, number];
  /** [top, bottom, left, right], tfjs's per-axis order (core's are ONNX-ordered: begins, then ends). */
  readonly pads: [number, number, number, number];
}

export function geometry(spatial: 1 | 2, x: tf.Tensor, w: tf.Tensor, attrs: ConvAttrs): Geometry2d {
  const inSize = x.shape.slice(2);
  const kernel = w.shape.slice(2);
  const p = resolvePads(attrs.pads, inSize, kernel, attrs.strides, attrs.dilations);
  if (spatial === 1) return { strides: [1, attrs.strides[0]!], dilations: [1, attrs.dilations[0]!], pads: [0, 0, p[0]!, p[1]!] };
  return { strides: [attrs.strides[0]!, attrs.strides[1]!], dilations: [attrs.dilations[0]!, attrs.dilations[1]!], pads: [p[0]!, p[2]!, p[1]!, p[3]!] };
}

type ExplicitPads = [[number, number], [number, number], [number, number], [number, number]];

export function tfPad(pads: readonly number[]): 'valid' | ExplicitPads {
  return pads.every((v) => v === 0) ? 'valid' : [[0, 0], [pads[0]!, pads[1]!], [pads[2]!, pads[3]!], [0, 0]];
}

/**
 * tfjs refuses a stride and a dilation both above 1 on one convolution. Then the convolution runs
 * at stride 1 and every stride-th output is kept: the same windows, at stride² the work (rare:
 * no model of the zoo dilates).
 */
export function stridesAndDilations(g: Geometry2d): { run: [number, number]; keepEvery?: [number, number] } {
  const strided = g.strides.some((s) => s > 1);
  const dilated = g.dilations.some((d) => d > 1);
  return strided && dilated ? { run: [1, 1], keepEvery: g.strides } : { run: g.strides };
}

function subsample(y: tf.Tensor4D, keepEvery: [number, number] | undefined): tf.Tensor4D {
  if (!keepEvery) return y;
  return tf.stridedSlice(y, [0, 0, 0, 0], y.shape, [1, keepEvery[0], keepEvery[1], 1]) as tf.Tensor4D;
}

/**
 * The convolution proper, NHWC in and out, filter in HWIO. Groups: 1 is conv2d; one input channel
 * per group (depthwise, channel multiplier O / C) is depthwiseConv2d, whose output channel
 * c·m + j is PyTorch's group c, filter j; any other count splits the channels into groups and
 * concatenates the per-group convolutions.
 */
function convNhwc(x: tf.Tensor4D, w: tf.Tensor4D, bias: tf.Tensor1D | undefined, groups: number, g: Geometry2d): tf.Tensor4D {
  const pad = tfPad(g.pads);
  const { run, keepEvery } = stridesAndDilations(g);
  const inChannels = x.shape[3];
  const [outChannels, inPerGroup, kH, kW] = w.shape;
  // Bias is fused where the convolution is one call and no subsampling follows it.
  const fuse = keepEvery === undefined ? bias : undefined;
  let y: tf.Tensor4D;
  if (groups === 1) {
    const filter = oihwToHwio(w);
    y = tf.fused.conv2d({ x, filter, strides: run, pad, dilations: g.dilations, ...(fuse ? { bias: fuse } : {}) });
  } else if (inPerGroup === 1 && groups === inChannels) {
    const multiplier = outChannels / inChannels;
    const filter = tf.transpose(tf.reshape(w, [inChannels, multiplier, kH, kW]), [2, 3, 0, 1]) as tf.Tensor4D;
    // tfjs's fused depthwise convolution takes no explicit pads: bias is added after it.
    y = tf.depthwiseConv2d(x, filter, run, pad, 'NHWC', g.dilations);
    if (fuse) y = tf.add(y, fuse);
  } else {
    const xs = tf.split<tf.Tensor4D>(x, groups, 3);
    const ws = tf.split<tf.Tensor4D>(oihwToHwio(w), groups, 3);
    y = tf.concat(xs.map((xg, i) => tf.conv2d(xg, ws[i]!, run, pad, 'NHWC', g.dilations)), 3);
    if (fuse) y = tf.add(y, fuse);
  }
  y = subsample(y, keepEvery);
  if (bias && !fuse) y = tf.add(y, bias);
  return y;
}

/**
 * conv1d and conv2d: NCHW / NCL in and out, NHWC inside (one transpose at each edge, see
 * layout.ts). Padding follows core's rules (resolvePads): 'same' is resolved to explicit,
 * possibly asymmetric pads, which tfjs takes as [[0,0],[top,bottom],[left,right],[0,0]];
 * circular padding wraps the input with slices before a valid convolution.
 */
export function convolution(op: 'conv1d' | 'conv2d', inputs: readonly tf.Tensor[], attrs: ConvAttrs): tf.Tensor[] {
  const { shape } = inferOutput(op, inputs, attrs);
  const [x, w, b] = inputs as [tf.Tensor, tf.Tensor, tf.Tensor | undefined];
  const spatial = op === 'conv1d' ? 1 : 2;
  let g = geometry(spatial, x, w, attrs);
  let x4 = (spatial === 1 ? tf.reshape(x, [x.shape[0]!, x.shape[1]!, 1, x.shape[2]!]) : x) as tf.Tensor4D;
  const w4 = (spatial === 1 ? tf.reshape(w, [w.shape[0]!, w.shape[1]!, 1, w.shape[2]!]) : w) as tf.Tensor4D;
  if (attrs.paddingMode === 'circular' && g.pads.some((p) => p > 0)) {
    x4 = circularPad2d(x4, g.pads);
    g = { ...g, pads: [0, 0, 0, 0] };
  }
  const y = convNhwc(nchwToNhwc(x4), w4, b as tf.Tensor1D | undefined, attrs.groups, g);
  return [tf.reshape(nhwcToNchw(y), [...shape])];
}
