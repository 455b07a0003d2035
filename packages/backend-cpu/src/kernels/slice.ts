import { type Kernel, allocate, normalizeAxis, sizeOf, sliceBounds } from '@cnnkit/core';
import { cpuTensor, values } from '../tensor';
import { inferOutputShape } from './infer-output';

/** Runs at least this long are copied with TypedArray.set (a memcpy); shorter ones by a loop. */
const MEMCPY_MIN = 64;

/**
 * ONNX Slice with step 1 (core's sliceBounds clamps each [start, end)). The trailing axes that are
 * kept whole, together with the innermost sliced axis, form one contiguous run per output row;
 * an odometer over the outer axes walks the runs.
 */
export const sliceKernel: Kernel<'slice'> = (inputs, attrs) => {
  const shape = inferOutputShape('slice', inputs, attrs);
  const x = inputs[0]!;
  const inShape = x.shape, rank = inShape.length;
  const begins = new Array<number>(rank).fill(0);
  attrs.axes.forEach((a, i) => {
    const axis = normalizeAxis(a, rank, 'slice');
    begins[axis] = sliceBounds(attrs.starts[i]!, attrs.ends[i]!, inShape[axis]!)[0];
  });
  const src = values(x);
  const out = allocate(x.dtype, sizeOf(shape));
  if (out.length === 0) return [cpuTensor(out, shape)];
  if (rank === 0) {
    out[0] = src[0]!;
    return [cpuTensor(out, shape)];
  }

  const strides = new Array<number>(rank);
  for (let i = rank - 1, s = 1; i >= 0; i--) {
    strides[i] = s;
    s *= inShape[i]!;
  }
  // Axes after `inner` are whole, so axes inner.. are one contiguous run of the input.
  let inner = rank - 1;
  while (inner > 0 && shape[inner] === inShape[inner]) inner--;
  const run = shape[inner]! * strides[inner]!;
  let start = 0;
  for (let i = 0; i < rank; i++) start += begins[i]! * strides[i]!;

  const counter = new Array<number>(inner).fill(0);
  for (let o = 0, from = start; o < out.length; o += run) {
    if (run >= MEMCPY_MIN) out.set(src.subarray(from, from + run), o);
    else for (let j = 0; j < run; j++) out[o + j] = src[from + j]!;
    for (let axis = inner - 1; axis >= 0; axis--) {
      from += strides[axis]!;
      if (++counter[axis]! < shape[axis]!) break;
      from -= strides[axis]! * shape[axis]!;
      counter[axis] = 0;
    }
  }
  return [cpuTensor(out, shape)];
};
