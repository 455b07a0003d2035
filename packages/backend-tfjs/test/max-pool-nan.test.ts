import { describe, expect, it } from 'vitest';
import { createBackend } from '../src';

// Hand-worked: PyTorch's max pool keeps NaN (a window holding one is NaN), keeps −0 (max of −0
// and −Inf), and keeps ±Inf; the NaN mask is folded in as y + sqrt(−mask), which must change
// nothing else.
describe('maxPool2d keeps NaN, −0 and infinities exactly', () => {
  for (const engine of ['cpu', 'wasm'] as const) {
    it(engine, async () => {
      const b = await createBackend({ engine });
      // One plane 2×6, windows 2×2 stride 2: [NaN 1 | 2 3], [−0 −Inf | −Inf −Inf], [Inf 5 | −4 NaN].
      const x = b.fromHost({ dtype: 'float32', shape: [1, 1, 2, 6], data: Float32Array.from([NaN, 1, -0, -Infinity, Infinity, 5, 2, 3, -Infinity, -Infinity, -4, NaN]) });
      const attrs = { kernelSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false };
      const y = b.kernels.maxPool2d!([x], attrs)[0]!;
      const got = Array.from(y.dataSync());
      expect(y.shape).toEqual([1, 1, 1, 3]);
      expect(Number.isNaN(got[0])).toBe(true);
      expect(Object.is(got[1], -0)).toBe(true);
      expect(Number.isNaN(got[2])).toBe(true);
      const clean = b.fromHost({ dtype: 'float32', shape: [1, 1, 2, 4], data: Float32Array.from([Infinity, 1, -0, -Infinity, 2, 3, -Infinity, -Infinity]) });
      const z = Array.from(b.kernels.maxPool2d!([clean], attrs)[0]!.dataSync());
      expect(z[0]).toBe(Infinity);
      expect(Object.is(z[1], -0)).toBe(true);
    });
  }
});
