import { Embedding, F, backward, manualSeed } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, useCpu } from './helpers';

beforeAll(useCpu);

const ids = (values: number[], shape: number[]) => F.tensor(values, shape, 'int32');

describe('Embedding', () => {
  it('looks up rows: [...indices] -> [...indices, dim]', () => {
    const e = new Embedding(5, 3);
    e.loadStateDict({ weight: { dtype: 'float32', shape: [5, 3], data: Float32Array.from({ length: 15 }, (_, i) => i) } });
    const y = e.call(ids([4, 0, 2, 2, 1, 3], [2, 3]));
    expect(y.shape).toEqual([2, 3, 3]);
    expect(read(y)).toEqual([12, 13, 14, 0, 1, 2, 6, 7, 8, 6, 7, 8, 3, 4, 5, 9, 10, 11]);
    expect(e.parameterCount()).toBe(15);
  });

  it('initialises N(0, 1)', () => {
    manualSeed(2);
    const w = read(new Embedding(100, 50).weight.value);
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const variance = w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length;
    expect(Math.abs(mean)).toBeLessThan(0.06); // standard error 1 / sqrt(5000) ~ 0.014
    expect(Math.abs(variance - 1)).toBeLessThan(0.08); // standard error sqrt(2 / 5000) ~ 0.02
  });

  it('zeroes the padding row (negative indices count from the end) and refuses float indices', () => {
    const e = new Embedding(4, 2, { paddingIdx: -1 });
    expect(e.paddingIdx).toBe(3);
    expect(read(e.weight.value).slice(6)).toEqual([0, 0]);
    expect(read(e.call(ids([3, 3], [2])))).toEqual([0, 0, 0, 0]);
    expect(() => e.call(F.zeros([2]))).toThrow(/Embedding\(4, 2, padding_idx=3\): indices are float32 \[2\]; expected int32/);
    expect(() => new Embedding(4, 2, { paddingIdx: 4 })).toThrow(/paddingIdx 4; expected an index in \[-4, 4\)/);
  });

  it('sends no gradient to the padding row, and accumulates repeated indices elsewhere', () => {
    const e = new Embedding(3, 2, { paddingIdx: 0 });
    // A non-zero padding row (as a loaded checkpoint may have): the forward still returns it, as PyTorch does.
    e.loadStateDict({ weight: { dtype: 'float32', shape: [3, 2], data: new Float32Array([7, 8, 1, 2, 3, 4]) } });
    const x = ids([0, 1, 1, 2, 0], [5]);
    expect(read(e.call(x))).toEqual([7, 8, 1, 2, 1, 2, 3, 4, 7, 8]);
    backward(() => F.reduceSum(e.call(x)), e.parameters());
    // d sum / d row = how often the row is looked up: row 1 twice, row 2 once, row 0 (padding) nothing.
    expect(read(e.weight.grad!)).toEqual([0, 0, 2, 2, 1, 1]);
  });
});
