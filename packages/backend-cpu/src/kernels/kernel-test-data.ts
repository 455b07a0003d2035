// Test-only helpers shared by the kernel tests of this folder: seeded data, naive reference maths.
import type { StaticShape, Tensor } from '@cnnkit/core';
import { cpuTensor } from '../tensor';

/** mulberry32: a tiny seeded generator so failures reproduce. Returns floats in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomF32(rand: () => number, size: number, scale = 1): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = (rand() * 2 - 1) * scale;
  return out;
}

/** A uniform integer in [lo, hi], both ends included. */
export function randomInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/** A float32 cpu tensor of values in [-1, 1). */
export function randomTensor(rand: () => number, shape: readonly number[]): Tensor {
  return cpuTensor(randomF32(rand, product(shape)), shape);
}

export function product(shape: StaticShape): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** Multi-index of a flat row-major index. */
export function unravel(flat: number, shape: StaticShape): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = flat % shape[i]!;
    flat = Math.floor(flat / shape[i]!);
  }
  return idx;
}

/** Flat index into `shape` of an output multi-index under NumPy broadcasting (right-aligned, size-1 axes pinned to 0). */
export function broadcastSource(outIndex: readonly number[], shape: StaticShape): number {
  let flat = 0;
  const offset = outIndex.length - shape.length;
  for (let i = 0; i < shape.length; i++) flat = flat * shape[i]! + (shape[i] === 1 ? 0 : outIndex[offset + i]!);
  return flat;
}
