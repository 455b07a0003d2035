import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options';

describe('resolveOptions', () => {
  it("defaults: device 'auto', graph optimisation 'all', ORT's own thread counts, 4 idle sessions, BatchNorm folded", () => {
    expect(resolveOptions()).toEqual({ device: 'auto', graphOptimizationLevel: 'all', maxIdleSessions: 4, foldBatchNorm: true });
  });

  it('keeps what was given', () => {
    expect(resolveOptions({ device: 'cpu', intraOpNumThreads: 2, interOpNumThreads: 1, graphOptimizationLevel: 'basic', maxIdleSessions: 0, foldBatchNorm: false }))
      .toEqual({ device: 'cpu', intraOpNumThreads: 2, interOpNumThreads: 1, graphOptimizationLevel: 'basic', maxIdleSessions: 0, foldBatchNorm: false });
  });

  it.each([
    [{ device: 'gpu' }, /option device: given "gpu"; expected one of 'cuda', 'cpu', 'auto'/],
    [{ graphOptimizationLevel: 'max' }, /option graphOptimizationLevel: given "max"; expected one of 'disabled', 'basic', 'extended', 'layout', 'all'/],
    [{ intraOpNumThreads: 0 }, /option intraOpNumThreads: given 0; expected an integer >= 1/],
    [{ interOpNumThreads: 1.5 }, /option interOpNumThreads: given 1.5; expected an integer >= 1/],
    [{ maxIdleSessions: -1 }, /option maxIdleSessions: given -1; expected an integer >= 0/],
    [{ foldBatchNorm: 'yes' }, /option foldBatchNorm: given "yes"; expected true or false/],
    [{ intraOpThreads: 2 }, /unknown option intraOpThreads; expected any of device, intraOpNumThreads/],
  ])('rejects %j with a CnnkitError naming the option, the value and what is allowed', (options, message) => {
    let error: unknown;
    try {
      resolveOptions(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CnnkitError);
    expect((error as CnnkitError).code).toBe('INVALID_ARGUMENT');
    expect((error as CnnkitError).message).toMatch(/^backend 'onnxruntime' /);
    expect((error as CnnkitError).message).toMatch(message);
  });
});
