import { type AvgPoolAttrs, CnnkitError, getOpDef } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { avgPool1dKernel } from './avg-pool1d';
import { avgPool2dKernel } from './avg-pool2d';
import { type RefPool, describePool, randomPool, refAvgPool, refOutSize, seededRandom } from './pooling-reference.test-helpers';

function attrsOf(op: 'avgPool1d' | 'avgPool2d', p: RefPool, countIncludePad: boolean): AvgPoolAttrs {
  return getOpDef(op).normalize({ kernelSize: p.kernel, strides: p.strides, pads: p.pads, ceilMode: p.ceilMode, countIncludePad }, op);
}

function run(p: RefPool, x: Float32Array, countIncludePad: boolean): { data: Float32Array; shape: readonly number[] } {
  const spatial = p.shape.length - 2;
  const op = spatial === 1 ? 'avgPool1d' : 'avgPool2d';
  const kernel = spatial === 1 ? avgPool1dKernel : avgPool2dKernel;
  const [y] = kernel([cpuTensor(x, p.shape)], attrsOf(op, p, countIncludePad));
  return { data: f32(y!), shape: y!.shape };
}

describe('avgPool1d / avgPool2d kernels', () => {
  for (const spatial of [1, 2] as const) {
    it(`match a naive padded-grid reference over random ${spatial}-D configurations`, () => {
      const rand = seededRandom(4321 + spatial);
      let checked = 0;
      for (let trial = 0; trial < 400; trial++) {
        const p = randomPool(rand, spatial, false);
        const countIncludePad = rand() < 0.5;
        const out = refOutSize(p);
        const x = Float32Array.from({ length: p.shape.reduce((a, b) => a * b, 1) }, () => Math.fround(rand() * 4 - 2));
        if (out.some((o) => o < 1)) {
          expect(() => run(p, x, countIncludePad), describePool(p)).toThrow(CnnkitError);
          continue;
        }
        const y = run(p, x, countIncludePad);
        const where = `${describePool(p)} countIncludePad ${countIncludePad}`;
        expect(y.shape, where).toEqual([p.shape[0], p.shape[1], ...out]);
        const want = refAvgPool(x, p, countIncludePad);
        y.data.forEach((v, i) => expect(Math.abs(v - want[i]!), `${where} at ${i}: ${v} vs ${want[i]}`).toBeLessThanOrEqual(1e-6 + 1e-6 * Math.abs(want[i]!)));
        checked++;
      }
      expect(checked).toBeGreaterThan(300);
    });
  }

  it('counts the overhang of a ceilMode window only up to the end padding', () => {
    // [0..5], k 3, s 2, pad 1, ceil: 4 windows; the last starts at 5 and is cut at 6 + 1 = 7,
    // so it covers {5, pad}: sum 5, divisor 2 with the pad (2.5), 1 without (5).
    const p: RefPool = { shape: [1, 1, 6], kernel: [3], strides: [2], dilations: [1], pads: [1, 1], ceilMode: true };
    const x = Float32Array.from([0, 1, 2, 3, 4, 5]);
    // Windows: {pad,0,1} {1,2,3} {3,4,5} {5,pad}.
    expect(Array.from(run(p, x, true).data)).toEqual([1 / 3, 2, 4, 2.5].map(Math.fround));
    expect(Array.from(run(p, x, false).data)).toEqual([0.5, 2, 4, 5]);
  });

  it('rejects an input of the wrong rank, naming the op', () => {
    const attrs = getOpDef('avgPool1d').normalize({ kernelSize: [2] }, 'avgPool1d');
    expect(() => avgPool1dKernel([cpuTensor(new Float32Array(16), [1, 1, 4, 4])], attrs)).toThrow(/avgPool1d: input x has shape \[1, 1, 4, 4\].*expected rank 3/);
  });
});
