import { normalizeAxis, sliceBounds } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** ONNX Slice with step 1: bounds clamp by core's sliceBounds, unlisted axes are kept whole. */
export const sliceKernel: TfKernel<'slice'> = (inputs, attrs) => {
  inferOutput('slice', inputs, attrs);
  const x = inputs[0]!;
  const begin = new Array<number>(x.rank).fill(0);
  const size = [...x.shape];
  attrs.axes.forEach((a, i) => {
    const axis = normalizeAxis(a, x.rank, 'slice');
    const [s, e] = sliceBounds(attrs.starts[i]!, attrs.ends[i]!, x.shape[axis]!);
    begin[axis] = s;
    size[axis] = e - s;
  });
  return [tf.slice(x, begin, size)];
};
