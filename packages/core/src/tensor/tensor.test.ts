import { describe, expect, it } from 'vitest';
import { Tensor } from './tensor';

describe('Tensor', () => {
  it('holds float32 and int32 host data', async () => {
    const t = Tensor.from([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.size).toBe(6);
    expect([...(await t.data())]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Tensor.from(new Int32Array([1, 2]), [2]).dtype).toBe('int32');
  });
  it('rejects a value count that does not match the shape', () => {
    expect(() => Tensor.from([1, 2, 3], [2, 2])).toThrow(/given 3 values; expected 4/);
  });
  it('rejects non-integers for int32', () => {
    expect(() => Tensor.from([1, 2.5], [2], 'int32')).toThrow(/non-integer value 2.5 at index 1/);
  });
  it('cannot be used after dispose', () => {
    const t = Tensor.zeros([2]);
    t.dispose();
    expect(t.isDisposed).toBe(true);
    expect(() => t.dataSync()).toThrow(/used after dispose/);
  });
  it('reports async-only storage clearly', () => {
    const t = new Tensor([1], 'float32', { backend: 'remote', handle: null, read: async () => new Float32Array(1) });
    expect(() => t.dataSync()).toThrow(/backend 'remote', which can only be read asynchronously; use await tensor.data\(\)/);
  });
});
