import type { Module } from '@cnnkit/core';

/** The values of the parameter or buffer at `key` of a model's state dict. */
export function stateValues(model: Module, key: string): Float32Array {
  const holder = model.namedState().find(([k]) => k === key)?.[1];
  if (!holder) throw new Error(`no state '${key}'`);
  return holder.value.dataSync() as Float32Array;
}

export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / values.length;
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += (values[i]! - mean) ** 2;
  return { mean, std: Math.sqrt(sq / values.length) };
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}
