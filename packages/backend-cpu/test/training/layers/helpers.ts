import { F, type Tensor, setBackend } from '@cnnkit/core';
import { expect } from 'vitest';
import { createBackend } from '../../../src';

/** Makes the cpu backend the eager one for a layer test file. */
export function useCpu(): void {
  setBackend(createBackend());
}

export const t = (values: readonly number[], shape: readonly number[]): Tensor => F.tensor(values, shape);

export const read = (x: Tensor): number[] => Array.from(x.dataSync());

/** Elementwise closeness with a relative + absolute tolerance, reporting the first bad index. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (!(Math.abs(a - e) <= tol + tol * Math.abs(e))) {
      expect.fail(`index ${i}: got ${a}, expected ${e} (tolerance ${tol})`);
    }
  }
}
