import { BatchNorm1d, BatchNorm2d, F } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, read, t, useCpu } from './helpers';

beforeAll(useCpu);

// Channel 0 holds 1, 2, 3: mean 2, biased variance 2/3, unbiased 1.
// Channel 1 holds 10, 20, 60: mean 30, squared deviations 400 + 100 + 900 = 1400, biased 1400/3, unbiased 700.
const batch = (): ReturnType<typeof t> => t([1, 10, 2, 20, 3, 60], [3, 2]);

describe('BatchNorm2d', () => {
  it('has 2C parameters and 3 buffers under torchvision names', async () => {
    const bn = new BatchNorm2d(64);
    expect(bn.parameterCount()).toBe(128);
    expect(bn.namedBuffers().map(([n]) => n)).toEqual(['running_mean', 'running_var', 'num_batches_tracked']);
    const state = await bn.stateDict();
    expect(Object.keys(state)).toEqual(['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']);
    expect(state.num_batches_tracked).toEqual({ dtype: 'int32', shape: [], data: new Int32Array([0]) });
    expect(Array.from(state.weight!.data)).toEqual(new Array(64).fill(1));
    expect(Array.from(state.bias!.data)).toEqual(new Array(64).fill(0));
    expect(Array.from(state.running_mean!.data)).toEqual(new Array(64).fill(0));
    expect(Array.from(state.running_var!.data)).toEqual(new Array(64).fill(1));
  });

  it('pools statistics over N, H and W', () => {
    // One channel, values 1, 2, 3, 6 over N=2, H=1, W=2: mean 3, biased var (4+1+0+9)/4 = 3.5, unbiased 14/3.
    const bn = new BatchNorm2d(1);
    const y = bn.call(t([1, 2, 3, 6], [2, 1, 1, 2]));
    const sd = Math.sqrt(3.5 + 1e-5);
    expectClose(read(y), [-2 / sd, -1 / sd, 0, 3 / sd]);
    expectClose(read(bn.runningMean!.value), [0.3]); // 0.9 * 0 + 0.1 * 3
    expectClose(read(bn.runningVar!.value), [0.9 + (0.1 * 14) / 3]); // 0.9 * 1 + 0.1 * unbiased
  });

  it("prints like PyTorch's repr", () => {
    expect(new BatchNorm2d(64).describe()).toBe('BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)');
    expect(new BatchNorm2d(8, { eps: 0.001, momentum: null, affine: false }).describe()).toBe('BatchNorm2d(8, eps=0.001, momentum=None, affine=False, track_running_stats=True)');
  });

  it('refuses other ranks and channel counts, naming itself', () => {
    const bn = new BatchNorm2d(3);
    expect(() => bn.call(F.zeros([2, 3]))).toThrow(/BatchNorm2d\(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True\): input has shape \[2, 3\] \(rank 2\); expected rank 4/);
    expect(() => bn.call(F.zeros([2, 4, 2, 2]))).toThrow(/with 4 channels at axis 1; expected 3/);
  });
});

describe('BatchNorm1d', () => {
  it('normalises with batch statistics in train mode and updates running stats with unbiased variance', () => {
    const bn = new BatchNorm1d(2);
    const y = bn.call(batch());
    const s0 = Math.sqrt(2 / 3 + 1e-5);
    const s1 = Math.sqrt(1400 / 3 + 1e-5);
    expectClose(read(y), [-1 / s0, -20 / s1, 0, -10 / s1, 1 / s0, 30 / s1]);
    // running_mean = 0.9 * 0 + 0.1 * [2, 30]; running_var = 0.9 * 1 + 0.1 * [1, 700].
    expectClose(read(bn.runningMean!.value), [0.2, 3]);
    expectClose(read(bn.runningVar!.value), [1, 70.9]);
    expect(read(bn.numBatchesTracked!.value)).toEqual([1]);
    expect(bn.numBatchesTracked!.value.dtype).toBe('int32');
    // A second identical step: mean 0.9 * [0.2, 3] + 0.1 * [2, 30] = [0.38, 5.7]; var 0.9 * [1, 70.9] + 0.1 * [1, 700] = [1, 133.81].
    bn.call(batch());
    expectClose(read(bn.runningMean!.value), [0.38, 5.7]);
    expectClose(read(bn.runningVar!.value), [1, 133.81]);
    expect(read(bn.numBatchesTracked!.value)).toEqual([2]);
  });

  it('uses the running statistics in eval mode and leaves them alone', () => {
    const bn = new BatchNorm1d(2);
    bn.call(batch()); // running mean [0.2, 3], var [1, 70.9]
    bn.eval();
    const y = bn.call(batch());
    const s1 = Math.sqrt(70.9 + 1e-5);
    const s0 = Math.sqrt(1 + 1e-5);
    expectClose(read(y), [0.8 / s0, 7 / s1, 1.8 / s0, 17 / s1, 2.8 / s0, 57 / s1]);
    expectClose(read(bn.runningMean!.value), [0.2, 3]);
    expect(read(bn.numBatchesTracked!.value)).toEqual([1]);
    // Eval mode takes a single sample (train mode cannot: one value per channel).
    expect(bn.call(t([1, 2], [1, 2])).shape).toEqual([1, 2]);
    bn.train();
    expect(() => bn.call(t([1, 2], [1, 2]))).toThrow(/input \[1, 2\] has 1 value\(s\) per channel; expected more than 1 value per channel when training/);
  });

  it('with momentum null keeps the cumulative average of batch statistics', () => {
    const bn = new BatchNorm1d(2, { momentum: null });
    bn.call(batch()); // factor 1/1: running = batch stats
    expectClose(read(bn.runningMean!.value), [2, 30]);
    expectClose(read(bn.runningVar!.value), [1, 700]);
    // Second batch 4, 5, 6 / 0, 0, 0: means [5, 0], unbiased vars [1, 0]; factor 1/2 averages the two batches.
    bn.call(t([4, 0, 5, 0, 6, 0], [3, 2]));
    expectClose(read(bn.runningMean!.value), [3.5, 15]);
    expectClose(read(bn.runningVar!.value), [1, 350]);
  });

  it('applies weight and bias, and normalises N, C, L over N and L', () => {
    const bn = new BatchNorm1d(1);
    bn.loadStateDict({ weight: { dtype: 'float32', shape: [1], data: new Float32Array([2]) }, bias: { dtype: 'float32', shape: [1], data: new Float32Array([-1]) } }, { strict: false });
    // values 0, 2 (N = 2, L = 1): mean 1, biased var 1: y = 2 * (x - 1) / sqrt(1 + eps) - 1.
    expectClose(read(bn.call(t([0, 2], [2, 1, 1]))), [-3, 1], 1e-4);
  });

  it('without running statistics always uses the batch statistics', async () => {
    const bn = new BatchNorm1d(2, { trackRunningStats: false });
    expect(bn.namedBuffers()).toEqual([]);
    expect(Object.keys(await bn.stateDict())).toEqual(['weight', 'bias']);
    const train = read(bn.call(batch()));
    bn.eval();
    expect(read(bn.call(batch()))).toEqual(train);
  });

  it('without affine has no parameters and scale 1, shift 0', async () => {
    const bn = new BatchNorm1d(2, { affine: false });
    expect(bn.parameters()).toEqual([]);
    expect(Object.keys(await bn.stateDict())).toEqual(['running_mean', 'running_var', 'num_batches_tracked']);
    const s0 = Math.sqrt(2 / 3 + 1e-5);
    expectClose(read(bn.call(batch())).slice(0, 1), [-1 / s0]);
  });
});
