import { createBackend } from '@cnnkit/backend-cpu';
import { GraphBuilder } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { argmaxRow, classify, maxAbsDiff } from './classify';

describe('argmaxRow', () => {
  it('finds the largest value of a row, the first one on ties', () => {
    const m = Float32Array.from([0.1, 0.7, 0.2, /* row 1 */ 0.5, 0.1, 0.5]);
    expect(argmaxRow(m, 0, 3)).toBe(1);
    expect(argmaxRow(m, 1, 3)).toBe(0);
  });
});

describe('maxAbsDiff', () => {
  it('is 0 for identical arrays, NaN matching NaN', () => {
    expect(maxAbsDiff(Float32Array.from([1, NaN, -2]), Float32Array.from([1, NaN, -2]))).toBe(0);
  });
  it('finds the largest difference, and Infinity for a NaN on one side or a length mismatch', () => {
    expect(maxAbsDiff(Float32Array.from([1, 2, 3]), Float32Array.from([1, 2.5, 2]))).toBe(1);
    expect(maxAbsDiff(Float32Array.from([1, NaN]), Float32Array.from([1, 0]))).toBe(Infinity);
    expect(maxAbsDiff(Float32Array.from([1]), Float32Array.from([1, 0]))).toBe(Infinity);
  });
});

describe('classify', () => {
  it('runs every image once, in batches, last batch short, and argmaxes each row', async () => {
    // A graph that flattens a 1x1x3 "image" to its 3 values: the prediction is the largest pixel's index.
    const g = new GraphBuilder('identity');
    const x = g.input('x', 'float32', ['N', 1, 1, 3]);
    const graph = g.output(g.op('flatten', [x], { startDim: 1 })).build();
    const backend = createBackend();
    const exe = await backend.compile(graph);
    const images = Float32Array.from([
      9, 0, 0, /**/ 0, 9, 0, /**/ 0, 0, 9, /**/ 0, 9, 0, /**/ 9, 0, 0,
    ]);
    const r = await classify(backend, exe, images, [1, 1, 3], 5, 2);
    expect(Array.from(r.predictions)).toEqual([0, 1, 2, 1, 0]);
    expect(r.batchMs).toHaveLength(3);
    expect(Array.from(r.firstBatch)).toEqual([9, 0, 0, 0, 9, 0]);
  });
});
