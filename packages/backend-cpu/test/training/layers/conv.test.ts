import { Conv1d, Conv2d, F, Rng, isCnnkitError, manualSeed } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, read, t, useCpu } from './helpers';

beforeAll(useCpu);

const f32 = (values: number[], shape: number[]) => ({ dtype: 'float32' as const, shape, data: Float32Array.from(values) });

describe('Conv2d', () => {
  it('has PyTorch parameter counts and shapes', () => {
    // Conv2d(1, 6, 5): 6 * 1 * 5 * 5 weights + 6 biases = 156 (LeNet-5's first layer).
    const c = new Conv2d(1, 6, 5);
    expect(c.parameterCount()).toBe(156);
    expect(c.weight.value.shape).toEqual([6, 1, 5, 5]);
    expect(c.namedParameters().map(([n]) => n)).toEqual(['weight', 'bias']);
    // Grouped, no bias: 128 * (64 / 2) * 3 * 3 = 36,864.
    const g = new Conv2d(64, 128, 3, { groups: 2, bias: false });
    expect(g.parameterCount()).toBe(36864);
    expect(g.weight.value.shape).toEqual([128, 32, 3, 3]);
    expect(g.namedParameters().map(([n]) => n)).toEqual(['weight']);
  });

  it('initialises weight and bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)) in row-major order from the seeded generator', () => {
    // fan_in = 16 * 3 * 3 = 144, bound = 1/12 (kaiming_uniform_(a=sqrt 5) = gain sqrt(1/3) * sqrt(3 / fan_in)).
    manualSeed(7);
    const c = new Conv2d(16, 8, 3);
    const bound = 1 / 12;
    const stream = new Rng(7);
    const expectedW = Array.from({ length: 8 * 16 * 9 }, () => Math.fround(stream.uniform(-bound, bound)));
    const expectedB = Array.from({ length: 8 }, () => Math.fround(stream.uniform(-bound, bound)));
    expect(read(c.weight.value)).toEqual(expectedW);
    expect(read(c.bias!.value)).toEqual(expectedB);
    const w = read(c.weight.value);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.95 * bound); // 1152 draws span the interval
    // Grouped: fan_in = (8 / 4) * 3 * 3 = 18.
    const g = new Conv2d(8, 8, 3, { groups: 4, rng: new Rng(1) });
    expect(Math.max(...read(g.weight.value).map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(18));
    expect(Math.max(...read(g.weight.value).map(Math.abs))).toBeGreaterThan(0.8 / Math.sqrt(18));
  });

  it('same seed, same weights; an explicit Rng leaves the global stream alone', () => {
    manualSeed(3);
    const a = read(new Conv2d(2, 3, 3).weight.value);
    manualSeed(3);
    const b = read(new Conv2d(2, 3, 3).weight.value);
    expect(a).toEqual(b);
    manualSeed(3);
    new Conv2d(2, 3, 3, { rng: new Rng(99) });
    expect(read(new Conv2d(2, 3, 3).weight.value)).toEqual(a);
  });

  it('computes a hand-worked convolution', () => {
    // x = 1..9 in 3x3, w = [[1, 0], [0, -1]], b = 0.5: y[i][j] = x[i][j] - x[i+1][j+1] + 0.5 = -4 + 0.5.
    const c = new Conv2d(1, 1, 2);
    c.loadStateDict({ weight: f32([1, 0, 0, -1], [1, 1, 2, 2]), bias: f32([0.5], [1]) });
    const y = c.call(t([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]));
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(read(y)).toEqual([-3.5, -3.5, -3.5, -3.5]);
    // padding 1: the top-left output sees only x[0][0] under the -1 tap: 0 - 1 + 0.5.
    const p = new Conv2d(1, 1, 2, { padding: 1 });
    p.loadStateDict({ weight: f32([1, 0, 0, -1], [1, 1, 2, 2]), bias: f32([0.5], [1]) });
    const yp = p.call(t([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]));
    expect(yp.shape).toEqual([1, 1, 4, 4]);
    expect(read(yp)[0]).toBe(-0.5);
    // bottom-right output sees only x[2][2] under the +1 tap: 9 + 0.5.
    expect(read(yp)[15]).toBe(9.5);
  });

  it('follows PyTorch output sizes for stride, per-axis padding, dilation and same', () => {
    const x = F.zeros([2, 3, 9, 10]);
    // H: (9 + 2*1 - 3) / 2 + 1 = 5; W: (10 + 2*2 - 5) / 1 + 1 = 10.
    expect(new Conv2d(3, 8, [3, 5], { stride: [2, 1], padding: [1, 2] }).call(x).shape).toEqual([2, 8, 5, 10]);
    // dilation 2: effective kernel 5; (9 - 5) + 1 = 5, (10 - 5) + 1 = 6.
    expect(new Conv2d(3, 4, 3, { dilation: 2 }).call(x).shape).toEqual([2, 4, 5, 6]);
    expect(new Conv2d(3, 4, 4, { padding: 'same' }).call(x).shape).toEqual([2, 4, 9, 10]);
    expect(new Conv2d(3, 4, 3, { padding: 'valid' }).call(x).shape).toEqual([2, 4, 7, 8]);
  });

  it('prints like PyTorch', () => {
    expect(new Conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false }).describe()).toBe('Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)');
    expect(new Conv2d(3, 8, 3).describe()).toBe('Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))');
  });

  it('refuses bad arguments and inputs, naming the layer', () => {
    expect(() => new Conv2d(3, 8, 3, { groups: 2 })).toThrow(/Conv2d\(3, 8, kernelSize 3\): groups 2 must divide inChannels 3/);
    expect(() => new Conv2d(3, 8, 0)).toThrow(/kernelSize is 0; expected an integer >= 1/);
    // 'reflect' is PyTorch's but not in the op set.
    expect(() => new Conv2d(3, 8, 3, { paddingMode: 'reflect' as 'zeros' })).toThrow(/paddingMode 'reflect' is not supported/);
    const c = new Conv2d(3, 8, 3);
    let error: unknown;
    try {
      c.call(F.zeros([1, 4, 5, 5]));
    } catch (e) {
      error = e;
    }
    expect(isCnnkitError(error, 'SHAPE_MISMATCH')).toBe(true);
    expect(String(error)).toMatch(/Conv2d\(3, 8, kernel_size=\(3, 3\), stride=\(1, 1\)\): input has shape \[1, 4, 5, 5\] with 4 channels at axis 1; expected 3/);
    expect(() => c.call(F.zeros([4, 5, 5]))).toThrow(/\(rank 3\); expected rank 4 \(N, C, H, W\)/);
  });
});

describe('Conv1d', () => {
  it('counts parameters and sizes its output', () => {
    // TextCNN-style: 100 filters of width 3 over 300-d embeddings: 100 * 300 * 3 + 100 = 90,100.
    expect(new Conv1d(300, 100, 3).parameterCount()).toBe(90100);
    // 'same' with dilation 2 keeps the length.
    expect(new Conv1d(4, 6, 3, { padding: 'same', dilation: 2 }).call(F.zeros([2, 4, 11])).shape).toEqual([2, 6, 11]);
    // stride 2, padding 1: (11 + 2 - 3) / 2 + 1 = 6.
    expect(new Conv1d(4, 6, 3, { stride: 2, padding: 1 }).call(F.zeros([2, 4, 11])).shape).toEqual([2, 6, 6]);
  });

  it('pads circularly', () => {
    // x = [1, 2, 3, 4] padded circularly by 1 = [4, 1, 2, 3, 4, 1]; w = [1, 1, 1] sums windows: 7, 6, 9, 8.
    const c = new Conv1d(1, 1, 3, { padding: 1, paddingMode: 'circular', bias: false });
    c.loadStateDict({ weight: f32([1, 1, 1], [1, 1, 3]) });
    expectClose(read(c.call(t([1, 2, 3, 4], [1, 1, 4]))), [7, 6, 9, 8]);
  });
});
