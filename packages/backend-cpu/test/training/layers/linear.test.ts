import { F, Linear, Rng, manualSeed } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, t, useCpu } from './helpers';

beforeAll(useCpu);

describe('Linear', () => {
  it('counts parameters as PyTorch', () => {
    // LeNet-5's first fully connected layer: 400 * 120 + 120 = 48,120.
    expect(new Linear(400, 120).parameterCount()).toBe(48120);
    expect(new Linear(2, 3, { bias: false }).parameterCount()).toBe(6);
    expect(new Linear(400, 120).weight.value.shape).toEqual([120, 400]);
  });

  it('initialises U(-1/sqrt(in), 1/sqrt(in)), weight then bias', () => {
    manualSeed(11);
    const l = new Linear(400, 120);
    const bound = 1 / 20; // 1 / sqrt(400)
    const stream = new Rng(11);
    const w = Array.from({ length: 48000 }, () => Math.fround(stream.uniform(-bound, bound)));
    const b = Array.from({ length: 120 }, () => Math.fround(stream.uniform(-bound, bound)));
    expect(read(l.weight.value)).toEqual(w);
    expect(read(l.bias!.value)).toEqual(b);
  });

  it('computes x W^T + b over the last axis', () => {
    const l = new Linear(2, 3);
    l.loadStateDict({
      weight: { dtype: 'float32', shape: [3, 2], data: new Float32Array([1, 2, 3, 4, 5, 6]) },
      bias: { dtype: 'float32', shape: [3], data: new Float32Array([0.5, 0, -1]) },
    });
    // x = [1, -1]: [1 - 2 + 0.5, 3 - 4, 5 - 6 - 1]; x = [0, 2]: [4.5, 8, 11].
    const y = l.call(t([1, -1, 0, 2], [2, 2]));
    expect(y.shape).toEqual([2, 3]);
    expect(read(y)).toEqual([-0.5, -1, -2, 4.5, 8, 11]);
    expect(l.call(F.zeros([4, 5, 2])).shape).toEqual([4, 5, 3]);
  });

  it('refuses inputs with the wrong feature count', () => {
    expect(() => new Linear(4, 3).call(F.zeros([2, 5]))).toThrow(/Linear\(in_features=4, out_features=3, bias=True\): input has shape \[2, 5\]; expected \[\.\.\., 4\]/);
  });
});
