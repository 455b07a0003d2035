import type { ConvBackwardFilterAttrs } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { circularPad2d } from '../circular-pad';
import { inferOutput } from '../infer-output';
import { nchwToNhwc } from '../layout';
import { useNativeFilterGradient } from './engine-kernels';
import { type Window2d, as4d, effectiveKernel2d, window2d } from './window-2d';

/**
 * dW of one group over the padded input, for a DENSE kernel of the effective (dilated) size
 * [kEffH, kEffW]; HWIO [kEffH, kEffW, C/g, O/g]. Either TensorFlow's Conv2DBackpropFilter (native;
 * wasm has none) or a convolution in its own right: dW[kh, kw, c, o] = Σ_{n, oh, ow} xPad[n, oh·s + kh, ow·s + kw, c] ·
 * dy[n, oh, ow, o], i.e. x with channels as the batch and the batch as channels ([C, H, W, N]),
 * convolved with dy as the filter ([oH, oW, N, O]), whose taps sit `stride` apart: a convolution
 * with dilations = strides at stride 1 ('valid'; any rows past the kernel's reach are cut).
 */
function denseFilterGradient(xPad: tf.Tensor4D, dy: tf.Tensor4D, kEff: [number, number], strides: [number, number], native: boolean): tf.Tensor4D {
  const channels = xPad.shape[1];
  const outChannels = dy.shape[1];
  if (native) {
    const filterShape: [number, number, number, number] = [kEff[0], kEff[1], channels, outChannels];
    return tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: nchwToNhwc(xPad), dy: nchwToNhwc(dy) }, {
      strides, pad: 'valid', dataFormat: 'NHWC', filterShape,
    } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
  }
  const xT = tf.transpose(xPad, [1, 2, 3, 0]);
  const dyFilter = tf.transpose(dy, [2, 3, 0, 1]);
  const full = tf.conv2d(xT, dyFilter, 1, 'valid', 'NHWC', strides);
  // [C, ≥kEffH, ≥kEffW, O] -> HWIO of exactly the effective size.
  return tf.transpose(tf.slice(full, [0, 0, 0, 0], [channels, kEff[0], kEff[1], outChannels]), [1, 2, 0, 3]);
}

/** The padded frame the forward convolution slid over: zeros, or the input wrapped around. */
function paddedInput(x: tf.Tensor4D, win: Window2d, circular: boolean): tf.Tensor4D {
  const [top, bottom, left, right] = win.pads;
  if (top === 0 && bottom === 0 && left === 0 && right === 0) return x;
  if (circular) return circularPad2d(x, win.pads);
  return tf.pad(x, [[0, 0], [0, 0], [top, bottom], [left, right]]);
}

/**
 * (x, dy) -> dweight for conv1d / conv2d (the reference is backend-cpu's conv-backward.ts),
 * one filter gradient per group. A dilated kernel's gradient is the dense effective-size
 * kernel's gradient at the dilated taps (every d-th row and column), so dilation needs nothing
 * from the engine (tfjs's Conv2DBackpropFilter has none). `native` chooses TensorFlow's kernel or
 * the composed convolution (the default: engine-kernels.ts's measured choice).
 */
export function convFilterGradient(
  op: 'conv1dBackwardFilter' | 'conv2dBackwardFilter', inputs: readonly tf.Tensor[], attrs: ConvBackwardFilterAttrs,
  native = useNativeFilterGradient(),
): tf.Tensor[] {
  // Core's inference checks dy against the forward convolution of x with a weight of kernelSize.
  const { shape } = inferOutput(op, inputs, attrs);
  const spatial = op === 'conv1dBackwardFilter' ? 1 : 2;
  const x = as4d(inputs[0]!);
  const dy = as4d(inputs[1]!);
  const win = window2d(spatial, inputs[0]!.shape.slice(2), attrs.kernelSize, attrs);
  const kEff = effectiveKernel2d(win);
  const xPad = paddedInput(x, win, attrs.paddingMode === 'circular');

  const groups = attrs.groups;
  const xs = groups === 1 ? [xPad] : tf.split(xPad, groups, 1);
  const dys = groups === 1 ? [dy] : tf.split(dy, groups, 1);
  const perGroup = xs.map((xg, g) => denseFilterGradient(xg as tf.Tensor4D, dys[g] as tf.Tensor4D, kEff, win.strides, native));
  let dense = perGroup.length === 1 ? perGroup[0]! : tf.concat(perGroup, 3);
  const [dH, dW] = win.dilations;
  if (dH > 1 || dW > 1) dense = tf.stridedSlice(dense, [0, 0, 0, 0], dense.shape, [dH, dW, 1, 1]) as tf.Tensor4D;
  // HWIO -> OIHW (OIL for conv1d).
  return [tf.reshape(tf.transpose(dense, [3, 2, 0, 1]), [...shape])];
}
