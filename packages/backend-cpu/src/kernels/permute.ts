import { type StaticShape, type TypedArray, stridesOf } from '@cnnkit/core';

/** Side of the square tiles a plane is copied in when its reads are strided (fits L1 comfortably). */
const TILE = 32;
/** Rows at least this long are copied with set() (a memcpy), shorter ones by a loop (set() on a new subarray costs more). */
const SET_MIN_ROW = 64;

/**
 * Writes `src` (row-major, shape `shape`) into `dst` with its axes permuted:
 * dst's axis i is src's axis perm[i]. `dst` must have the same length and element type.
 *
 * Size-1 axes are dropped and runs of axes that stay adjacent and in order are merged first, so
 * NCHW -> NHWC becomes a [N, C, H*W] -> [N, H*W, C] plane transpose and an identity perm is a
 * single memcpy. The last two merged output axes form planes copied in tiles, so neither reads
 * nor writes stride through memory a whole row at a time; the outer axes advance an odometer.
 * Nothing is allocated per element.
 */
export function permuteInto(src: TypedArray, dst: TypedArray, shape: StaticShape, perm: readonly number[]): void {
  const inStrides = stridesOf(shape);
  // Merged output axes: their sizes and the source stride of one step along each.
  const dims: number[] = [];
  const steps: number[] = [];
  let lastAxis = -1;
  for (const axis of perm) {
    const size = shape[axis]!;
    if (size === 1) continue;
    // Two axes merge when a step along the earlier one is a whole run of the later one.
    if (lastAxis >= 0 && inStrides[lastAxis] === size * inStrides[axis]!) {
      dims[dims.length - 1]! *= size;
      steps[steps.length - 1] = inStrides[axis]!;
    } else {
      dims.push(size);
      steps.push(inStrides[axis]!);
    }
    lastAxis = axis;
  }
  if (src.length === 0) return;
  if (dims.length <= 1) {
    dst.set(src);
    return;
  }

  const r = dims.length;
  const rows = dims[r - 2]!;
  const rowStep = steps[r - 2]!;
  const cols = dims[r - 1]!;
  const colStep = steps[r - 1]!;
  const planeSize = rows * cols;
  const planes = src.length / planeSize;
  const counter = new Int32Array(Math.max(r - 2, 0));
  let base = 0;
  for (let p = 0, out = 0; p < planes; p++, out += planeSize) {
    copyPlane(src, base, rows, rowStep, cols, colStep, dst, out);
    for (let d = r - 3; d >= 0; d--) {
      counter[d]! += 1;
      base += steps[d]!;
      if (counter[d]! < dims[d]!) break;
      base -= counter[d]! * steps[d]!;
      counter[d] = 0;
    }
  }
}

/** dst[out + i * cols + j] = src[base + i * rowStep + j * colStep] for i < rows, j < cols. */
function copyPlane(src: TypedArray, base: number, rows: number, rowStep: number, cols: number, colStep: number, dst: TypedArray, out: number): void {
  if (colStep === 1) {
    // Rows stay contiguous (the innermost axis did not move): a memcpy each once they are long.
    for (let i = 0; i < rows; i++) {
      const s = base + i * rowStep;
      const o = out + i * cols;
      if (cols >= SET_MIN_ROW) dst.set(src.subarray(s, s + cols), o);
      else for (let j = 0; j < cols; j++) dst[o + j] = src[s + j]!;
    }
    return;
  }
  if (rows < TILE || cols < TILE) {
    for (let i = 0; i < rows; i++) {
      const s = base + i * rowStep;
      const o = out + i * cols;
      for (let j = 0; j < cols; j++) dst[o + j] = src[s + j * colStep]!;
    }
    return;
  }
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = Math.min(i0 + TILE, rows);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = Math.min(j0 + TILE, cols);
      for (let i = i0; i < i1; i++) {
        const s = base + i * rowStep;
        const o = out + i * cols;
        for (let j = j0; j < j1; j++) dst[o + j] = src[s + j * colStep]!;
      }
    }
  }
}
