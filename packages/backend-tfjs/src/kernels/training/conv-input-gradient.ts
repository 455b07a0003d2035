import type { ConvBackwardInputAttrs } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from '../infer-output';
import { nchwToNhwc, nhwcToNchw, oihwToHwio } from '../layout';
import { circularFold2d } from './circular-fold';
import { dilateFilter } from './dilate-filter';
import { convTranspose } from './conv-transpose';
import { useNativeTransposedConv } from './engine-kernels';
import { placeAxis } from './place-axis';
import { as4d, window2d } from './window-2d';

/**
 * (dy, weight) -> dx for conv1d / conv2d (the reference is backend-cpu's conv-backward.ts). The
 * transposed convolution runs onto the PADDED input frame with 'valid' padding, which makes
 * every padding rule one rule: zero padding then crops the frame back to the input, circular
 * padding folds the wrapped borders back onto the input (circular-fold.ts), and 'same' or
 * asymmetric pads are just the frame's margins. Dilations become zeros in the filter
 * (tfjs's transposed convolution has none); groups run one transposed convolution each. `native`
 * picks tfjs's conv2dTranspose or the same thing as a plain convolution (conv-transpose.ts); the
 * default is engine-kernels.ts's measured choice.
 */
export function convInputGradient(
  op: 'conv1dBackwardInput' | 'conv2dBackwardInput', inputs: readonly tf.Tensor[], attrs: ConvBackwardInputAttrs,
  native = useNativeTransposedConv(),
): tf.Tensor[] {
  // Core's inference checks dy against the forward convolution of an input of inputSize.
  const { shape } = inferOutput(op, inputs, attrs);
  const spatial = op === 'conv1dBackwardInput' ? 1 : 2;
  const dy = as4d(inputs[0]!);
  const w = as4d(inputs[1]!);
  const win = window2d(spatial, attrs.inputSize, inputs[1]!.shape.slice(2), attrs);
  const [n, inChannels] = [shape[0]!, shape[1]!];
  const [inH, inW] = spatial === 1 ? [1, shape[2]!] : [shape[2]!, shape[3]!];
  const [top, bottom, left, right] = win.pads;

  const groups = attrs.groups;
  const frame: [number, number, number, number] = [n, inH + top + bottom, inW + left + right, inChannels / groups];
  const filter = dilateFilter(oihwToHwio(w), win.dilations);
  const transposed = (d: tf.Tensor4D, f: tf.Tensor4D): tf.Tensor4D => convTranspose(d, f, frame, win.strides, native);
  const dyNhwc = nchwToNhwc(dy);
  let dxFrame: tf.Tensor4D;
  if (groups === 1) {
    dxFrame = transposed(dyNhwc, filter);
  } else {
    const dys = tf.split(dyNhwc, groups, 3);
    const filters = tf.split(filter, groups, 3);
    dxFrame = tf.concat(dys.map((d, g) => transposed(d as tf.Tensor4D, filters[g] as tf.Tensor4D)), 3);
  }
  let dx = nhwcToNchw(dxFrame);
  dx = attrs.paddingMode === 'circular'
    ? circularFold2d(dx, win.pads)
    : placeAxis(placeAxis(dx, 2, -top, inH), 3, -left, inW);
  return [tf.reshape(dx, [...shape])];
}
