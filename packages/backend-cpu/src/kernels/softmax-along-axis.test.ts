import type { StaticShape } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, values } from '../tensor';
import { product, randomF32, seeded } from './kernel-test-data';
import { logSoftmaxKernel } from './log-softmax';
import { softmaxKernel } from './softmax';

function softmax(data: number[], shape: StaticShape, axis: number, log = false): number[] {
  const kernel = log ? logSoftmaxKernel : softmaxKernel;
  return Array.from(values(kernel([cpuTensor(Float32Array.from(data), shape)], { axis })[0]!));
}

/** Textbook softmax along `axis`, in doubles, with strides worked out per element. */
function naiveSoftmax(x: Float32Array, shape: StaticShape, axis: number, log: boolean): number[] {
  const n = shape[axis]!;
  const inner = product(shape.slice(axis + 1));
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) {
    const j = i % inner;
    const o = Math.floor(i / (inner * n));
    const slice = Array.from({ length: n }, (_, k) => x[o * n * inner + k * inner + j]!);
    const max = Math.max(...slice);
    const lse = max + Math.log(slice.reduce((s, v) => s + Math.exp(v - max), 0));
    out[i] = log ? x[i]! - lse : Math.exp(x[i]! - lse);
  }
  return out;
}

describe('softmax / logSoftmax', () => {
  it('match a naive reference on every axis of random shapes (positive and negative axes)', () => {
    const rand = seeded(11);
    for (let trial = 0; trial < 60; trial++) {
      const rank = 1 + Math.floor(rand() * 4);
      const shape = Array.from({ length: rank }, () => 1 + Math.floor(rand() * 4));
      const x = randomF32(rand, product(shape), 5);
      for (let axis = -rank; axis < rank; axis++) {
        const a = axis < 0 ? axis + rank : axis;
        for (const log of [false, true]) {
          const got = softmax(Array.from(x), shape, axis, log);
          const want = naiveSoftmax(x, shape, a, log);
          got.forEach((g, i) => expect(g, `shape [${shape}] axis ${axis} log ${log} at ${i}`).toBeCloseTo(want[i]!, 5));
        }
      }
    }
  });

  it('is stable at ±1e4: no NaN, the max takes all the mass', () => {
    // exp(-2e4) underflows to 0, so the row is [0, 1, 0]; log: [-2e4, 0, -2e4 - 1] (float32 rounds -20001 exactly).
    expect(softmax([-1e4, 1e4, -1e4 + -1], [3], 0)).toEqual([0, 1, 0]);
    expect(softmax([-1e4, 1e4, -1e4 - 1], [3], 0, true)).toEqual([-2e4, 0, -20001]);
    // Equal huge values split evenly: exp(0) / (3 exp(0)).
    expect(softmax([1e4, 1e4, 1e4], [1, 3], -1)).toEqual([1, 1, 1].map(() => Math.fround(1 / 3)));
  });

  it('gives a -Infinity entry probability 0 (log -Infinity), as torch does', () => {
    // [0, -inf, 0]: exp(0)/(1+0+1) = 0.5 each.
    expect(softmax([0, -Infinity, 0], [3], 0)).toEqual([0.5, 0, 0.5]);
    expect(softmax([0, -Infinity, 0], [3], 0, true)).toEqual([Math.fround(-Math.LN2), -Infinity, Math.fround(-Math.LN2)]);
  });

  it('makes a slice of all -Infinity NaN, as torch does, without touching other slices', () => {
    // axis 0 of [[-inf, 1], [-inf, 1]]: column 0 is all -inf -> NaN; column 1 is [1, 1] -> 0.5 each.
    const y = softmax([-Infinity, 1, -Infinity, 1], [2, 2], 0);
    expect(y[0]).toBeNaN();
    expect(y[2]).toBeNaN();
    expect([y[1], y[3]]).toEqual([0.5, 0.5]);
    const l = softmax([-Infinity, -Infinity], [2], 0, true);
    expect(l.every(Number.isNaN)).toBe(true);
  });

  it('rejects an axis out of range naming the op', () => {
    expect(() => softmax([1, 2], [2], 1)).toThrow(/softmax \(cpu kernel\): axis 1 is out of range for rank 1/);
  });
});
