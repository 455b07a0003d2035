import { CnnkitError, type GatherBackwardAttrs, formatShape, normalizeAxis } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from '../infer-output';
import type { TfKernel } from '../tf-kernel';
import { engineHasKernel } from './engine-kernels';

/**
 * The indices as non-negative int32 values, after the reference's check (backend-cpu's
 * gather-backward.ts): every index in range before anything is written, negatives counted from
 * the end. Read on the host, as the forward gather does: an out-of-range index would otherwise be
 * clamped, dropped or written out of bounds depending on the engine.
 */
function checkedIndices(indices: tf.Tensor, axis: number, dataShape: readonly number[]): tf.Tensor1D {
  const size = dataShape[axis]!;
  const idx = indices.dataSync() as Int32Array;
  let negative = false;
  for (let k = 0; k < idx.length; k++) {
    const v = idx[k]!;
    if (v < -size || v >= size) {
      throw new CnnkitError('INVALID_ARGUMENT',
        `gatherBackward: index ${v} at flat position ${k} of indices ${formatShape(indices.shape)} is out of range for axis ${axis} of dataShape ${formatShape(dataShape)}; expected an integer in [${-size}, ${size - 1}]`,
        { index: v, position: k, axis, size });
    }
    if (v < 0) negative = true;
  }
  return negative ? tf.tensor1d(Int32Array.from(idx, (v) => (v < 0 ? v + size : v)), 'int32') : tf.reshape(indices, [idx.length]);
}

/**
 * Gradient of gather (embedding): zeros of dataShape with each slice of dy added at the position
 * its index picked, repeated indices adding up. dy [outer, I, inner] is brought to
 * [I, outer·inner] and summed into the rows of [size, outer·inner] by index: TensorFlow's
 * UnsortedSegmentSum where the engine has it (cpu, tensorflow), else scatterND, which also sums
 * repeated indices (wasm has no UnsortedSegmentSum). `segmentSum` picks the way (the default:
 * UnsortedSegmentSum where the engine has it).
 */
export function gatherGradient(inputs: readonly tf.Tensor[], attrs: GatherBackwardAttrs, segmentSum = engineHasKernel(tf.UnsortedSegmentSum)): tf.Tensor[] {
  const { shape } = inferOutput('gatherBackward', inputs, attrs);
  const [dy, indices] = inputs as [tf.Tensor, tf.Tensor];
  const axis = normalizeAxis(attrs.axis, shape.length, 'gatherBackward');
  const idx = checkedIndices(indices, axis, shape);
  const size = shape[axis]!;
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const count = idx.shape[0];
  let rows = tf.reshape(dy, [outer, count, inner]);
  if (outer > 1) rows = tf.transpose(rows, [1, 0, 2]);
  const updates = tf.reshape(rows, [count, outer * inner]);
  const summed = segmentSum
    ? tf.unsortedSegmentSum(updates, idx, size)
    : tf.scatterND(tf.reshape(idx, [count, 1]), updates, [size, outer * inner]);
  let dx = tf.reshape(summed, [size, outer, inner]);
  if (outer > 1) dx = tf.transpose(dx, [1, 0, 2]);
  return [tf.reshape(dx, [...shape])];
}

export const gatherBackwardKernel: TfKernel<'gatherBackward'> = (inputs, attrs) => gatherGradient(inputs, attrs);
