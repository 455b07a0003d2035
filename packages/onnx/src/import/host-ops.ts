import { CnnkitError, type Dim, broadcastShapes, formatShape, sizeOf, sliceBounds, stridesOf } from '@cnnkit/core';
import { type HostTensor, floatHost, intHost } from './host-tensor';

// Folding on host tensors. Structural ops (transpose, gather, concat, slice) are written as a
// list of source indices, so one picker serves float weights and symbolic shape vectors alike.

/** The tensor with elements `indices` of `t`, in that order, under `shape`. */
export function pick(t: HostTensor, indices: ArrayLike<number>, shape: readonly number[]): HostTensor {
  if (t.kind === 'float') {
    const out = new Float32Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = t.data[indices[i]!]!;
    return floatHost(shape, out);
  }
  return intHost(shape, Array.from(indices, (k) => t.data[k]!), t.dataType);
}

export function withShape(t: HostTensor, shape: readonly number[]): HostTensor {
  return t.kind === 'float' ? floatHost(shape, t.data) : intHost(shape, t.data, t.dataType);
}

export function hostTranspose(t: HostTensor, perm: readonly number[]): HostTensor {
  const shape = perm.map((p) => t.shape[p]!);
  const inStrides = stridesOf(t.shape);
  const size = sizeOf(shape);
  const indices = new Int32Array(size);
  const counter = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < size; i++) {
    let src = 0;
    for (let a = 0; a < shape.length; a++) src += counter[a]! * inStrides[perm[a]!]!;
    indices[i] = src;
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++counter[a]! < shape[a]!) break;
      counter[a] = 0;
    }
  }
  return pick(t, indices, shape);
}

/** Source indices of the box starts[a]..starts[a]+sizes[a] of a row-major tensor. */
function boxIndices(shape: readonly number[], starts: readonly number[], sizes: readonly number[]): Int32Array {
  const strides = stridesOf(shape);
  const out = new Int32Array(sizeOf(sizes));
  const counter = new Array<number>(sizes.length).fill(0);
  for (let i = 0; i < out.length; i++) {
    let src = 0;
    for (let a = 0; a < sizes.length; a++) src += (starts[a]! + counter[a]!) * strides[a]!;
    out[i] = src;
    for (let a = sizes.length - 1; a >= 0; a--) {
      if (++counter[a]! < sizes[a]!) break;
      counter[a] = 0;
    }
  }
  return out;
}

/** ONNX Slice with step 1 (bounds clamp like core's slice). */
export function hostSlice(t: HostTensor, starts: readonly number[], ends: readonly number[], axes: readonly number[]): HostTensor {
  const from = t.shape.map(() => 0);
  const sizes = [...t.shape];
  axes.forEach((a, i) => {
    const [s, e] = sliceBounds(starts[i]!, ends[i]!, t.shape[a]!);
    from[a] = s;
    sizes[a] = e - s;
  });
  return pick(t, boxIndices(t.shape, from, sizes), sizes);
}

export function hostConcat(ts: readonly HostTensor[], axis: number, where: string): HostTensor {
  const first = ts[0]!;
  if (ts.some((t) => t.kind !== first.kind)) throw new CnnkitError('DTYPE_MISMATCH', `${where}: concatenates float and integer constants; expected one type`);
  const mismatch = ts.find((t) => t.shape.length !== first.shape.length || t.shape.some((d, i) => i !== axis && d !== first.shape[i]));
  if (mismatch) throw new CnnkitError('SHAPE_MISMATCH', `${where}: concatenates constants of shapes ${formatShape(first.shape)} and ${formatShape(mismatch.shape)} on axis ${axis}; expected equal sizes elsewhere`);
  const outer = sizeOf(first.shape.slice(0, axis));
  const shape = [...first.shape];
  shape[axis] = ts.reduce((n, t) => n + t.shape[axis]!, 0);
  const parts = ts.map((t) => ({ t, block: sizeOf(t.shape.slice(axis)) }));
  const indices: number[] = [];
  const sources: HostTensor[] = [];
  for (let o = 0; o < outer; o++) {
    for (const { t, block } of parts) {
      for (let k = 0; k < block; k++) {
        indices.push(o * block + k);
        sources.push(t);
      }
    }
  }
  if (first.kind === 'float') {
    const out = new Float32Array(indices.length);
    indices.forEach((k, i) => { out[i] = (sources[i] as typeof first).data[k]!; });
    return floatHost(shape, out);
  }
  return intHost(shape, indices.map((k, i) => (sources[i]!.data as readonly Dim[])[k]!), first.dataType);
}

/** ONNX Gather along `axis` with known indices (negative ones count from the end). */
export function hostGather(t: HostTensor, indices: readonly number[], indicesShape: readonly number[], axis: number, where: string): HostTensor {
  const n = t.shape[axis]!;
  const outer = sizeOf(t.shape.slice(0, axis));
  const inner = sizeOf(t.shape.slice(axis + 1));
  const src: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const raw of indices) {
      const k = raw < 0 ? raw + n : raw;
      if (!(k >= 0 && k < n)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: index ${raw} is out of range for axis ${axis} of size ${n}; expected [${-n}, ${n - 1}]`);
      for (let i = 0; i < inner; i++) src.push((o * n + k) * inner + i);
    }
  }
  return pick(t, src, [...t.shape.slice(0, axis), ...indicesShape, ...t.shape.slice(axis + 1)]);
}

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div';

const SYMBOL: Record<BinaryOp, string> = { add: '+', sub: '-', mul: '*', div: '/' };

function intArith(op: BinaryOp, a: Dim, b: Dim): Dim {
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === 'add') return a + b;
    if (op === 'sub') return a - b;
    if (op === 'mul') return a * b;
    return Math.trunc(a / b); // integer Div truncates toward zero (as ONNX Runtime's)
  }
  // A run-time size in arithmetic: keep an expression, which stays unknown to reshape.
  if ((op === 'mul' || op === 'div') && b === 1) return a;
  if (op === 'mul' && a === 1) return b;
  if ((op === 'add' || op === 'sub') && b === 0) return a;
  if (op === 'add' && a === 0) return b;
  return `(${a}${SYMBOL[op]}${b})`;
}

/** Elementwise a op b with NumPy broadcasting on host tensors of one kind. */
export function hostBinary(op: BinaryOp, a: HostTensor, b: HostTensor, where: string): HostTensor {
  if (a.kind !== b.kind) throw new CnnkitError('DTYPE_MISMATCH', `${where}: operands are a ${a.kind} and an ${b.kind} constant; expected one type`);
  const shape = broadcastShapes(a.shape, b.shape, where) as number[];
  const size = sizeOf(shape);
  const index = (s: readonly number[]): Int32Array => {
    const strides = stridesOf(s);
    const offset = shape.length - s.length;
    const out = new Int32Array(size);
    const counter = new Array<number>(shape.length).fill(0);
    for (let i = 0; i < size; i++) {
      let k = 0;
      for (let d = 0; d < s.length; d++) if (s[d]! !== 1) k += counter[d + offset]! * strides[d]!;
      out[i] = k;
      for (let d = shape.length - 1; d >= 0; d--) {
        if (++counter[d]! < shape[d]!) break;
        counter[d] = 0;
      }
    }
    return out;
  };
  const ia = index(a.shape);
  const ib = index(b.shape);
  if (a.kind === 'float' && b.kind === 'float') {
    const out = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const x = a.data[ia[i]!]!;
      const y = b.data[ib[i]!]!;
      out[i] = op === 'add' ? x + y : op === 'sub' ? x - y : op === 'mul' ? x * y : x / y;
    }
    return floatHost(shape, out);
  }
  if (a.kind === 'int' && b.kind === 'int') {
    return intHost(shape, Array.from({ length: size }, (_, i) => intArith(op, a.data[ia[i]!]!, b.data[ib[i]!]!)), a.dataType);
  }
  throw new CnnkitError('DTYPE_MISMATCH', `${where}: mismatched constant kinds ${formatShape(a.shape)} / ${formatShape(b.shape)}`);
}
