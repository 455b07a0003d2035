import { type TensorValue, formatShape } from '@cnnkit/core';
import type { Tolerance } from './case';

export interface Mismatch {
  readonly message: string;
}

/**
 * Compares actual against expected: same dtype and shape, then elementwise
 * |a - e| <= atol + rtol * |e| (NaN matches NaN, infinities must match exactly).
 * Returns undefined when they agree, else a message naming the worst element.
 */
export function compareTensors(name: string, actual: TensorValue, expected: TensorValue, tol: Tolerance): string | undefined {
  if (actual.dtype !== expected.dtype) return `output '${name}': dtype ${actual.dtype}; expected ${expected.dtype}`;
  if (actual.shape.length !== expected.shape.length || actual.shape.some((d, i) => d !== expected.shape[i])) {
    return `output '${name}': shape ${formatShape(actual.shape)}; expected ${formatShape(expected.shape)}`;
  }
  if (actual.data.length !== expected.data.length) {
    return `output '${name}': ${actual.data.length} values; expected ${expected.data.length}`;
  }
  let worst = -1;
  let worstExcess = 0;
  let bad = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i]!;
    const e = expected.data[i]!;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    let excess: number;
    if (!Number.isFinite(e) || !Number.isFinite(a)) excess = a === e ? 0 : Infinity;
    else excess = Math.abs(a - e) - (tol.atol + tol.rtol * Math.abs(e));
    if (excess > 0 || Number.isNaN(excess)) {
      bad++;
      if (worst < 0 || excess > worstExcess || Number.isNaN(excess)) {
        worst = i;
        worstExcess = excess;
      }
    }
  }
  if (bad === 0) return undefined;
  return `output '${name}' ${formatShape(expected.shape)}: ${bad} of ${expected.data.length} values differ beyond rtol ${tol.rtol}, atol ${tol.atol}; worst at flat index ${worst}: got ${actual.data[worst]}, expected ${expected.data[worst]}`;
}
