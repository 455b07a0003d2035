import { type Kernel, CnnkitError, formatShape, normalizeAxis } from '@cnnkit/core';
import { cpuTensor, f32, i32 } from '../tensor';
import { inferOutputShape } from './infer-output';

/**
 * Gradient of gather (embedding): zeros of dataShape, with each slice of dy added at the row its
 * index picked, so repeated indices accumulate. Negative indices count from the end, as in gather.
 * Every index is checked first, so a bad one throws before anything is written.
 */
export const gatherBackwardKernel: Kernel<'gatherBackward'> = (inputs, attrs) => {
  const shape = inferOutputShape('gatherBackward', inputs, attrs);
  const [dyT, indices] = [inputs[0]!, inputs[1]!];
  const axis = normalizeAxis(attrs.axis, shape.length, 'gatherBackward');
  const dy = f32(dyT);
  const idx = i32(indices);
  const axisSize = shape[axis]!;
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i]!;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;

  for (let k = 0; k < idx.length; k++) {
    const v = idx[k]!;
    if (v < -axisSize || v >= axisSize) {
      throw new CnnkitError('INVALID_ARGUMENT',
        `gatherBackward: index ${v} at flat position ${k} of indices ${formatShape(indices.shape)} is out of range for axis ${axis} of dataShape ${formatShape(shape)}; expected an integer in [${-axisSize}, ${axisSize - 1}]`,
        { index: v, position: k, axis, size: axisSize });
    }
  }

  const dx = new Float32Array(outer * axisSize * inner);
  let d = 0;
  for (let p = 0; p < outer; p++) {
    const slab = p * axisSize;
    for (let k = 0; k < idx.length; k++) {
      const v = idx[k]!;
      const to = (slab + (v < 0 ? v + axisSize : v)) * inner;
      for (let j = 0; j < inner; j++) dx[to + j]! += dy[d++]!;
    }
  }
  return [cpuTensor(dx, shape)];
};
