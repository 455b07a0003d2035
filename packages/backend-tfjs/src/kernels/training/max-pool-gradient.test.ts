import { KERNELS as CPU_KERNELS, cpuTensor } from '@cnnkit/backend-cpu';
import { type AttrsInput, getOpDef } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { maxPoolGradient } from './max-pool-gradient';

/**
 * The conformance goldens cover ties, NaN, padding, ceilMode and dilation; these add what they
 * do not: ±Infinity and ±FLOAT32_MAX in one window (the taps are clamped to finite values for the
 * convolution that gathers them, so those ties must be broken by the codes), windows of -Infinity
 * only next to padding, and stride and dilation above 1 together. Truth is backend-cpu's reference.
 */
const MAX = 3.4028234663852886e38;
const SPECIALS = [Infinity, -Infinity, NaN, MAX, -MAX, 0, 1, -1];

/** Only the four values whose clamped ties the codes must break: ±Infinity, ±FLOAT32_MAX. */
const EXTREMES = [Infinity, -Infinity, MAX, -MAX];

function values(seed: number, size: number): Float32Array {
  // Odd seeds: mostly small integers (so ties are common), one special value in ~4; even seeds: extremes only.
  let s = seed;
  return Float32Array.from({ length: size }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    const r = s / 2147483648;
    if (seed % 2 === 0) return EXTREMES[Math.floor(r * EXTREMES.length)]!;
    return r < 0.25 ? SPECIALS[Math.floor(r * 4 * SPECIALS.length)]! : Math.floor(r * 4) - 2;
  });
}

beforeAll(async () => {
  await createBackend({ engine: 'wasm' });
  await createBackend({ engine: 'cpu' });
});

const cases: { name: string; x: number[]; attrs: AttrsInput<'maxPool2d'> }[] = [
  { name: '3×3 stride 1 pad 1', x: [2, 2, 5, 6], attrs: { kernelSize: 3, strides: 1, pads: 1 } },
  { name: '2×2 stride 2 ceilMode', x: [1, 3, 5, 7], attrs: { kernelSize: 2, strides: 2, ceilMode: true } },
  { name: '3×2 stride 2 dilation 2, asymmetric pads', x: [2, 1, 9, 8], attrs: { kernelSize: [3, 2], strides: 2, dilations: 2, pads: [1, 1, 0, 1] } },
  { name: "'same' 3×3 stride 2", x: [1, 2, 6, 7], attrs: { kernelSize: 3, strides: 2, pads: 'same' } },
];

describe.each(['cpu', 'wasm'])('maxPool2dBackward on tfjs:%s equals the reference with ±Infinity, ±FLOAT32_MAX, NaN and ties', (engine) => {
  it.each(cases)('$name', async ({ x, attrs }) => {
    await tf.setBackend(engine);
    const full = getOpDef('maxPool2dBackward').normalize(attrs as Record<string, unknown>, 'test');
    const outShape = getOpDef('maxPool2d').infer([{ dtype: 'float32', shape: x }], full, 'test')[0]!.shape as number[];
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const xs = values(seed, x.reduce((a, b) => a * b));
      const dys = Float32Array.from({ length: outShape.reduce((a, b) => a * b) }, (_, i) => i + 1);
      const expected = CPU_KERNELS.maxPool2dBackward!([cpuTensor(xs, x), cpuTensor(dys, outShape)], full)[0]!.dataSync();
      const got = tf.tidy(() => maxPoolGradient('maxPool2dBackward', [tf.tensor(xs, x), tf.tensor(dys, outShape)], full)[0]!.dataSync());
      expect(Array.from(got), `seed ${seed}`).toEqual(Array.from(expected));
    }
  });
});
