import { createBackend as createCpuBackend } from '@cnnkit/backend-cpu';
import { type Backend, CnnkitError, type TensorValue } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend';
import { avgRescale } from './avg-pooling';
import type { PoolGeometry } from './pooling';

const f32 = (shape: number[], data: number[]): TensorValue => ({ dtype: 'float32', shape, data: Float32Array.from(data) });
const i32 = (shape: number[], data: number[]): TensorValue => ({ dtype: 'int32', shape, data: Int32Array.from(data) });

async function engines(): Promise<Backend[]> {
  return [await createBackend({ engine: 'cpu' }), await createBackend({ engine: 'wasm' })];
}

describe('dropout: the reference cpu backend\'s mask, so training is deterministic across backends', () => {
  it('drops exactly the elements the cpu backend drops, for several seeds, ratios and shapes', async () => {
    const cpu = createCpuBackend();
    for (const b of await engines()) {
      for (const [seed, ratio, shape] of [[7, 0.5, [4, 25]], [123456789, 0.1, [2, 3, 5, 7]], [0, 0.9, [1000]]] as const) {
        const size = shape.reduce((p, d) => p * d, 1);
        const x = f32([...shape], Array.from({ length: size }, (_, i) => 1 + (i % 13)));
        const attrs = { ratio, training: true, seed };
        const expected = cpu.kernels.dropout!([cpu.fromHost(x)], attrs)[0]!.dataSync();
        const got = b.kernels!.dropout!([b.fromHost!(x)], attrs)[0]!.dataSync();
        // Same zeros everywhere; survivors equal up to float32 rounding of the 1 / (1 - ratio) scale.
        expect(Array.from(got, (v) => v === 0)).toEqual(Array.from(expected, (v) => v === 0));
        got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
        // A mask that dropped nothing or everything would prove nothing.
        const dropped = Array.from(got).filter((v) => v === 0).length;
        expect(dropped).toBeGreaterThan(0);
        expect(dropped).toBeLessThan(size);
      }
    }
  });

  it('keeps NaN NaN where it drops it (x · 0), as the reference', async () => {
    for (const b of await engines()) {
      const y = b.kernels!.dropout!([b.fromHost!(f32([64], new Array<number>(64).fill(NaN)))], { ratio: 0.5, training: true, seed: 3 })[0]!;
      expect(Array.from(y.dataSync()).every(Number.isNaN)).toBe(true);
    }
  });
});

describe('errors the reference raises, raised the same way', () => {
  it('int32 division by zero is a CnnkitError naming the flat index, not a value', async () => {
    for (const b of await engines()) {
      const run = () => b.kernels!.div!([b.fromHost!(i32([3], [6, 7, 8])), b.fromHost!(i32([3], [2, 0, 1]))], {});
      expect(run).toThrow(CnnkitError);
      expect(run).toThrow("div: int32 division by zero (divisor 'b' holds 0 at flat index 1); expected every int32 divisor non-zero");
    }
  });

  it('int32 division truncates toward zero: 7 / -2 = -3, -7 / 2 = -3, -8 / 2 = -4 (tfjs alone floors to -4, -4, -4)', async () => {
    for (const b of await engines()) {
      const y = b.kernels!.div!([b.fromHost!(i32([4], [7, -7, -8, -2147483648])), b.fromHost!(i32([4], [-2, 2, 2, -1]))], {})[0]!;
      // -2^31 / -1 = 2^31 wraps to -2^31, as the reference's two's complement store.
      expect(Array.from(y.dataSync())).toEqual([-3, -3, -4, -2147483648]);
      expect(y.dtype).toBe('int32');
    }
  });

  it('gather refuses an out-of-range index with its position, and takes negative indices from the end', async () => {
    for (const b of await engines()) {
      const table = b.fromHost!(f32([3, 2], [0, 1, 10, 11, 20, 21]));
      expect(() => b.kernels!.gather!([table, b.fromHost!(i32([2, 2], [0, 1, 3, 2]))], { axis: 0 })).toThrow(
        'gather: index 3 at position [1, 0] of indices [2, 2] is out of range for axis 0 of data [3, 2]; expected an integer in [-3, 2]',
      );
      // -1 is row 2, -3 is row 0.
      const y = b.kernels!.gather!([table, b.fromHost!(i32([2], [-1, -3]))], { axis: 0 })[0]!;
      expect(Array.from(y.dataSync())).toEqual([20, 21, 0, 1]);
    }
  });
});

describe('avgRescale: PyTorch\'s average-pool divisors as factors on tfjs\'s kernel-area mean', () => {
  const axis = (inSize: number, outSize: number, kernel: number, stride: number, padBegin: number, padEnd: number) => ({ inSize, outSize, kernel, stride, dilation: 1, padBegin, padEnd });
  const one = axis(1, 1, 1, 1, 0, 0);

  it('is not needed when every window divides by its full area', () => {
    const g: PoolGeometry = { outShape: [1, 1, 1, 2], h: one, w: axis(4, 2, 2, 2, 0, 0) };
    expect(avgRescale(g, false)).toBeUndefined();
    expect(avgRescale(g, true)).toBeUndefined();
  });

  it('counts real elements without countIncludePad and the padded window with it, cut at the end padding under ceilMode', () => {
    // L = 5, k = 3, s = 2, pad 1 + 1, ceilMode: windows start at -1, 1, 3 (out 3), covering
    // [-1..1] (2 real), [1..3] (3 real), [3..5] (2 real: 3, 4; index 5 is end padding).
    const g: PoolGeometry = { outShape: [1, 1, 1, 3], h: one, w: axis(5, 3, 3, 2, 1, 1) };
    expect(Array.from(avgRescale(g, false)!)).toEqual([3 / 2, 1, 3 / 2]);
    // Including padding every window is 3 wide: no rescale.
    expect(avgRescale(g, true)).toBeUndefined();
    // No end padding, same windows: the last window [3..5] hangs past the input, and counting
    // padding stops at the input's end, so it divides by 2.
    const overhang: PoolGeometry = { outShape: [1, 1, 1, 3], h: one, w: axis(5, 3, 3, 2, 1, 0) };
    expect(Array.from(avgRescale(overhang, true)!)).toEqual([1, 1, 3 / 2]);
  });
});
