import { type Kernel, type StaticShape, CnnkitError, allocate, formatShape, normalizeAxis } from '@cnnkit/core';
import { cpuTensor, i32, values } from '../tensor';
import { inferOutput } from './infer-static-shape';

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
 * ONNX Gather: out[pre..., idx..., post...] = data[pre..., indices[idx...], post...]. With axis 0
 * it is an embedding lookup (a row of the table per index). Negative indices count from the end.
 * Every index is checked before anything is copied, so a bad one throws instead of reading garbage.
 */
export const gatherKernel: Kernel<'gather'> = (inputs, attrs) => {
  const [data, indices] = [inputs[0]!, inputs[1]!];
  const { dtype, shape } = inferOutput('gather', inputs, attrs);
  const axis = normalizeAxis(attrs.axis, data.rank, 'gather');
  const src = values(data);
  const idx = i32(indices);
  const axisSize = data.shape[axis]!;
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= data.shape[i]!;
  let inner = 1;
  for (let i = axis + 1; i < data.rank; i++) inner *= data.shape[i]!;

  for (let k = 0; k < idx.length; k++) {
    const v = idx[k]!;
    if (v < -axisSize || v >= axisSize) {
      throw new CnnkitError('INVALID_ARGUMENT',
        `gather: index ${v} at position ${formatShape(positionOf(k, indices.shape))} of indices ${formatShape(indices.shape)} is out of range for axis ${axis} of data ${formatShape(data.shape)}; expected an integer in [${-axisSize}, ${axisSize - 1}]`,
        { index: v, position: positionOf(k, indices.shape), axis, size: axisSize });
    }
  }

  const out = allocate(dtype, outer * idx.length * inner);
  let o = 0;
  for (let p = 0; p < outer; p++) {
    const slab = p * axisSize;
    for (let k = 0; k < idx.length; k++) {
      const v = idx[k]!;
      const from = (slab + (v < 0 ? v + axisSize : v)) * inner;
      for (let j = 0; j < inner; j++) out[o++] = src[from + j]!;
    }
  }
  return [cpuTensor(out, shape)];
};
