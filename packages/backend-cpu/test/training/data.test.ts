import { Rng, arrayDataSource, setBackend } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';

beforeAll(() => setBackend(createBackend()));

// 10 samples of shape [2]: sample i is [i, 100 + i], its label 1000 + i, so every batch shows
// which samples it holds and that x and y stayed paired.
const x = Float32Array.from({ length: 20 }, (_, k) => (k % 2 === 0 ? k / 2 : 100 + (k - 1) / 2));
const y = Int32Array.from({ length: 10 }, (_, i) => 1000 + i);

function epochOf(source: ReturnType<typeof arrayDataSource>, rng: Rng): { ids: number[][]; shapes: number[][] } {
  const ids: number[][] = [];
  const shapes: number[][] = [];
  for (const { x: bx, y: by } of source.batches(0, rng)) {
    const xs = Array.from(bx.dataSync());
    const ys = Array.from(by.dataSync());
    ys.forEach((label, i) => {
      expect(xs[2 * i]).toBe(label - 1000);
      expect(xs[2 * i + 1]).toBe(label - 900);
    });
    ids.push(ys.map((label) => label - 1000));
    shapes.push([...bx.shape, -1, ...by.shape]);
    bx.dispose();
    by.dispose();
  }
  return { ids, shapes };
}

describe('arrayDataSource', () => {
  it('yields batches in order, the last one smaller, with x [B, ...sampleShape] and y [B]', () => {
    const source = arrayDataSource({ x, sampleShape: [2], y, batchSize: 4 });
    expect([source.size, source.numBatches]).toEqual([10, 3]);
    const { ids, shapes } = epochOf(source, new Rng(0));
    expect(ids).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(shapes).toEqual([[4, 2, -1, 4], [4, 2, -1, 4], [2, 2, -1, 2]]);
  });

  it('drops the short last batch with dropLast', () => {
    const source = arrayDataSource({ x, sampleShape: [2], y, batchSize: 4, dropLast: true });
    expect(source.numBatches).toBe(2);
    expect(epochOf(source, new Rng(0)).ids.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('shuffles into a permutation drawn from the generator: same state, same order; next epoch, new order', () => {
    const source = arrayDataSource({ x, sampleShape: [2], y, batchSize: 3, shuffle: true });
    const rng = new Rng(42);
    const saved = rng.state;
    const first = epochOf(source, rng).ids.flat();
    const second = epochOf(source, rng).ids.flat();
    expect([...first].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(second).not.toEqual(first);
    const replay = new Rng(1);
    replay.state = saved;
    expect(epochOf(source, replay).ids.flat()).toEqual(first);
    expect(epochOf(source, replay).ids.flat()).toEqual(second);
  });

  it('carries float targets with a label shape', () => {
    const source = arrayDataSource({ x, sampleShape: [2], y: Float32Array.from({ length: 20 }, (_, k) => k / 2), labelShape: [2], batchSize: 10 });
    const [batch] = [...source.batches(0, new Rng(0))];
    expect(batch!.y.dtype).toBe('float32');
    expect(batch!.y.shape).toEqual([10, 2]);
    expect(Array.from(batch!.y.dataSync()).slice(0, 4)).toEqual([0, 0.5, 1, 1.5]);
  });

  it('rejects inconsistent sizes and bad options, saying what it expected', () => {
    expect(() => arrayDataSource({ x: new Float32Array(7), sampleShape: [2], y, batchSize: 2 })).toThrow(/x has 7 values, not a whole number of samples of shape \[2\]/);
    expect(() => arrayDataSource({ x, sampleShape: [2], y: new Int32Array(9), batchSize: 2 })).toThrow(/y has 9 values; expected 10 \(10 samples × 1 per label/);
    expect(() => arrayDataSource({ x, sampleShape: [2], y, batchSize: 0 })).toThrow(/batchSize is 0; expected a positive integer/);
    expect(() => arrayDataSource({ x, sampleShape: [0], y, batchSize: 2 })).toThrow(/sampleShape is \[0\]; expected an array of positive integers/);
  });
});
