import { CnnkitError, type StaticShape, formatShape, normalizeAxis } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** The multi-index of flat position `flat` in a row-major shape, for error messages. */
function positionOf(flat: number, shape: StaticShape): number[] {
  const position = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1, rest = flat; d >= 0; d--) {
    position[d] = rest % shape[d]!;
    rest = Math.floor(rest / shape[d]!);
  }
  return position;
}

/**
 * ONNX Gather (an embedding lookup with axis 0). tfjs clamps or zero-fills out-of-range indices
 * depending on the engine, so the indices are read and checked first, as the reference does, and a
 * bad one is the reference's error; negative indices (from the end) are made positive on the host.
 */
export const gatherKernel: TfKernel<'gather'> = (inputs, attrs) => {
  inferOutput('gather', inputs, attrs);
  const [data, indices] = inputs as [tf.Tensor, tf.Tensor];
  const axis = normalizeAxis(attrs.axis, data.rank, 'gather');
  const size = data.shape[axis]!;
  const idx = indices.dataSync() as Int32Array;
  let negative = false;
  for (let k = 0; k < idx.length; k++) {
    const v = idx[k]!;
    if (v < -size || v >= size) {
      throw new CnnkitError('INVALID_ARGUMENT',
        `gather: index ${v} at position ${formatShape(positionOf(k, indices.shape))} of indices ${formatShape(indices.shape)} is out of range for axis ${axis} of data ${formatShape(data.shape)}; expected an integer in [${-size}, ${size - 1}]`,
        { index: v, position: positionOf(k, indices.shape), axis, size });
    }
    if (v < 0) negative = true;
  }
  const positive = negative ? tf.tensor(Int32Array.from(idx, (v) => (v < 0 ? v + size : v)), indices.shape, 'int32') : indices;
  return [tf.gather(data, positive, axis)];
};
