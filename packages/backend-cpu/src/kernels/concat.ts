import { type Kernel, allocate, normalizeAxis } from '@cnnkit/core';
import { cpuTensor, values } from '../tensor';
import { inferOutput } from './infer-static-shape';

/** Blocks at least this long are copied with TypedArray.set (a memcpy); shorter ones by a loop. */
const MEMCPY_MIN = 64;

/**
 * Joins tensors along an axis. Seen as [outer, axis * inner] rows, the output's row o is input 0's
 * row o, then input 1's row o, and so on, so every copy is one contiguous block.
 */
export const concatKernel: Kernel<'concat'> = (inputs, attrs) => {
  const { dtype, shape } = inferOutput('concat', inputs, attrs);
  const axis = normalizeAxis(attrs.axis, shape.length, 'concat');
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i]!;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  const out = allocate(dtype, outer * shape[axis]! * inner);
  const rowLength = shape[axis]! * inner;

  let offsetInRow = 0;
  for (const input of inputs) {
    const src = values(input);
    const block = input.shape[axis]! * inner;
    for (let o = 0; o < outer; o++) {
      const from = o * block;
      const to = o * rowLength + offsetInRow;
      if (block >= MEMCPY_MIN) out.set(src.subarray(from, from + block), to);
      else for (let j = 0; j < block; j++) out[to + j] = src[from + j]!;
    }
    offsetInRow += block;
  }
  return [cpuTensor(out, shape)];
};
