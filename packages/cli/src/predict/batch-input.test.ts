import { describe, expect, it } from 'vitest';
import { batchedInput } from './batch-input';

const lenet = { shape: [1, 28, 28], dtype: 'float32' as const };
const values = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => i);

describe('batchedInput', () => {
  it('keeps a batch as it is', () => {
    const value = { dtype: 'float32' as const, shape: [2, 1, 28, 28], data: values(2 * 784) };
    const r = batchedInput(value, lenet, 'x.npy', 'lenet5');
    expect(r.addedBatchAxis).toBe(false);
    expect(r.value).toBe(value);
  });

  it('adds a batch axis to one sample, keeping its values', () => {
    const data = values(784);
    const r = batchedInput({ dtype: 'float32', shape: [1, 28, 28], data }, lenet, 'x.npy', 'lenet5');
    expect(r.addedBatchAxis).toBe(true);
    expect(r.value.shape).toEqual([1, 1, 28, 28]);
    expect(r.value.data).toBe(data);
  });

  it('names the file, the model, the shape given and the shapes expected', () => {
    expect(() => batchedInput({ dtype: 'float32', shape: [2, 3, 28, 28], data: values(2 * 3 * 784) }, lenet, 'x.npy', 'lenet5')).toThrow(
      "input 'x.npy' has shape [2, 3, 28, 28]; lenet5 expects [N, 1, 28, 28] (a batch of N samples) or [1, 28, 28] (one sample)",
    );
    expect(() => batchedInput({ dtype: 'float32', shape: [28, 28], data: values(784) }, lenet, 'x.npy', 'lenet5')).toThrow('has shape [28, 28]');
  });

  it('refuses an empty batch and a wrong dtype', () => {
    expect(() => batchedInput({ dtype: 'float32', shape: [0, 1, 28, 28], data: values(0) }, lenet, 'x.npy', 'lenet5')).toThrow('no samples; expected at least one');
    expect(() => batchedInput({ dtype: 'int32', shape: [1, 28, 28], data: new Int32Array(784) }, lenet, 'x.npy', 'lenet5')).toThrow(
      "input 'x.npy' holds int32 values; lenet5 expects float32",
    );
  });
});
