import { type MaxPoolAttrs, CnnkitError, getOpDef } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { maxPool1dKernel } from './max-pool1d';
import { maxPool2dKernel } from './max-pool2d';
import { type RefPool, describePool, randomPool, refMaxPool, refOutSize, seededRandom } from './pooling-reference.test-helpers';

function attrsOf(op: 'maxPool1d' | 'maxPool2d', p: RefPool): MaxPoolAttrs {
  return getOpDef(op).normalize({ kernelSize: p.kernel, strides: p.strides, pads: p.pads, dilations: p.dilations, ceilMode: p.ceilMode }, op);
}

function run(p: RefPool, x: Float32Array): { data: Float32Array; shape: readonly number[] } {
  const spatial = p.shape.length - 2;
  const op = spatial === 1 ? 'maxPool1d' : 'maxPool2d';
  const kernel = spatial === 1 ? maxPool1dKernel : maxPool2dKernel;
  const [y] = kernel([cpuTensor(x, p.shape)], attrsOf(op, p));
  return { data: f32(y!), shape: y!.shape };
}

function randomInput(rand: () => number, size: number, nanRate: number): Float32Array {
  return Float32Array.from({ length: size }, () => (rand() < nanRate ? NaN : Math.fround(rand() * 4 - 2)));
}

describe('maxPool1d / maxPool2d kernels', () => {
  for (const spatial of [1, 2] as const) {
    it(`match a naive padded-grid reference over random ${spatial}-D configurations`, () => {
      const rand = seededRandom(1234 + spatial);
      let checked = 0;
      for (let trial = 0; trial < 400; trial++) {
        const p = randomPool(rand, spatial, true);
        const out = refOutSize(p);
        const x = randomInput(rand, p.shape.reduce((a, b) => a * b, 1), trial % 3 === 0 ? 0.05 : 0);
        if (out.some((o) => o < 1)) {
          expect(() => run(p, x), describePool(p)).toThrow(CnnkitError);
          continue;
        }
        const y = run(p, x);
        expect(y.shape, describePool(p)).toEqual([p.shape[0], p.shape[1], ...out]);
        // Max pooling only selects values: the match is exact, NaN included.
        expect(Array.from(y.data), describePool(p)).toEqual(Array.from(refMaxPool(x, p)));
        checked++;
      }
      expect(checked).toBeGreaterThan(300);
    });
  }

  it('takes the unrolled path for 2×2 windows at stride 2 and matches the reference exactly, NaN, ±Inf, ±0 and odd sizes included', () => {
    const rand = seededRandom(9);
    const specials = [NaN, -Infinity, Infinity, -0, 0];
    for (const [h, w] of [[4, 6], [5, 7], [2, 2], [9, 3], [8, 8], [7, 11], [10, 15], [28, 28], [3, 20]] as const) {
      const p: RefPool = { shape: [2, 3, h, w], kernel: [2, 2], strides: [2, 2], dilations: [1, 1], pads: 'valid', ceilMode: false };
      const x = Float32Array.from({ length: 6 * h * w }, () => (rand() < 0.2 ? specials[Math.floor(rand() * specials.length)]! : Math.floor(rand() * 3) - 1));
      const got = Array.from(run(p, x).data), want = Array.from(refMaxPool(x, p));
      got.forEach((v, i) => expect(Object.is(v, want[i]) || (Number.isNaN(v) && Number.isNaN(want[i])), `${describePool(p)} at ${i}: ${v} vs ${want[i]}`).toBe(true));
    }
  });

  it('propagates a NaN to every window that holds it', () => {
    // Windows of 2, stride 1 over [1, NaN, 3, 0]: {1,NaN} {NaN,3} {3,0} -> NaN NaN 3.
    const p: RefPool = { shape: [1, 1, 4], kernel: [2], strides: [1], dilations: [1], pads: 'valid', ceilMode: false };
    expect(Array.from(run(p, Float32Array.from([1, NaN, 3, 0])).data)).toEqual([NaN, NaN, 3]);
  });

  it('never lets the padding win over negative values', () => {
    // Pads of 1 each side around [-5, -7]: windows {pad,-5} {-7,pad} -> -5, -7 (not 0).
    const p: RefPool = { shape: [1, 1, 2], kernel: [2], strides: [2], dilations: [1], pads: [1, 1], ceilMode: false };
    expect(Array.from(run(p, Float32Array.from([-5, -7])).data)).toEqual([-5, -7]);
  });

  it('rejects an input of the wrong rank, naming the op', () => {
    const attrs = getOpDef('maxPool2d').normalize({ kernelSize: [2, 2] }, 'maxPool2d');
    expect(() => maxPool2dKernel([cpuTensor(new Float32Array(8), [2, 4])], attrs)).toThrow(/maxPool2d: input x has shape \[2, 4\].*expected rank 4/);
  });
});
