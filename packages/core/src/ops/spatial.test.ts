import { describe, expect, it } from 'vitest';
import { convOutputSize, poolOutputSize, resolvePads } from './spatial';

describe('resolvePads', () => {
  it("'valid' is no padding", () => {
    expect(resolvePads('valid', [5, 7], [3, 3], [1, 1], [1, 1])).toEqual([0, 0, 0, 0]);
  });
  it("'same' at stride 1 pads k-1 in total, the odd unit at the end", () => {
    // kernel 4: total 3 -> begin 1, end 2 (PyTorch padding='same' does the same)
    expect(resolvePads('same', [6], [4], [1], [1])).toEqual([1, 2]);
  });
  it("'same' at stride 2 gives ceil(in / stride) outputs (ONNX SAME_UPPER)", () => {
    // in 7, k 3, s 2: out 4, total = (4-1)*2 + 3 - 7 = 2 -> [1, 1]
    expect(resolvePads('same', [7], [3], [2], [1])).toEqual([1, 1]);
    // in 8, k 3, s 2: out 4, total = 3*2 + 3 - 8 = 1 -> [0, 1]
    expect(resolvePads('same', [8], [3], [2], [1])).toEqual([0, 1]);
  });
  it("'same' accounts for dilation", () => {
    // k 3 d 2 -> effective 5, total 4 -> [2, 2]
    expect(resolvePads('same', [9], [3], [1], [2])).toEqual([2, 2]);
  });
  it('explicit pads pass through', () => {
    expect(resolvePads([1, 2, 3, 4], [5, 5], [3, 3], [1, 1], [1, 1])).toEqual([1, 2, 3, 4]);
  });
});

describe('output sizes', () => {
  it('conv: floor((in + pads - effective kernel) / stride) + 1', () => {
    expect(convOutputSize(28, 5, 1, 1, 2, 2)).toBe(28);
    expect(convOutputSize(224, 7, 2, 1, 3, 3)).toBe(112);
    expect(convOutputSize(10, 3, 1, 2, 0, 0)).toBe(6);
  });
  it('pool floor mode', () => {
    expect(poolOutputSize(112, 3, 2, 1, 1, 1, false)).toBe(56);
    expect(poolOutputSize(5, 2, 2, 1, 0, 0, false)).toBe(2);
  });
  it('pool ceil mode keeps an overhanging last window', () => {
    // in 5, k 2, s 2: windows start at 0, 2, 4 -> 3 (torch.nn.MaxPool1d(2, 2, ceil_mode=True) gives 3)
    expect(poolOutputSize(5, 2, 2, 1, 0, 0, true)).toBe(3);
  });
  it('pool ceil mode drops a window that would start in the end padding', () => {
    // in 4, k 2, s 2, pad 1: span 4, ceil(4/2)+1 = 3, but window 2 starts at 4 >= in + pad = 5? no -> 3 kept
    expect(poolOutputSize(4, 2, 2, 1, 1, 1, true)).toBe(3);
    // in 3, k 3, s 3, pad 1: span 2 -> ceil(2/3)+1 = 2; window 1 starts at 3 >= 3 + 1? no -> 2
    expect(poolOutputSize(3, 3, 3, 1, 1, 1, true)).toBe(2);
    // in 2, k 2, s 2, pad 1: span 2 -> 2; window 1 starts at 2 >= 2 + 1? no -> 2;
    // in 1, k 2, s 2, pad 1: span 1 -> ceil(0.5)+1 = 2; window 1 starts at 2 >= 1 + 1 -> dropped -> 1
    expect(poolOutputSize(1, 2, 2, 1, 1, 1, true)).toBe(1);
  });
});
