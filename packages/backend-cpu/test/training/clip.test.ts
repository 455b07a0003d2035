import { CnnkitError, F, Parameter, clipGradNorm, setBackend } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import golden from './fixtures/optim_golden.json';
import { type FixtureTensor, describeMismatch, fixtureValue } from './golden-values';

interface ClipCase {
  readonly name: string;
  readonly maxNorm: number;
  readonly normType: number | 'Infinity';
  readonly grads: readonly FixtureTensor[];
  readonly total: number;
  readonly clipped: readonly FixtureTensor[];
}

beforeAll(() => setBackend(createBackend()));

const withGrad = (grad: FixtureTensor): Parameter => {
  const v = fixtureValue(grad);
  const p = new Parameter(F.zeros(v.shape));
  p.grad = F.tensor(v.data, v.shape);
  return p;
};

describe('clipGradNorm against torch.nn.utils.clip_grad_norm_', () => {
  for (const c of golden.clip as unknown as ClipCase[]) {
    it(c.name, async () => {
      const params = c.grads.map(withGrad);
      const noGrad = new Parameter(F.zeros([2])); // torch ignores parameters without a gradient
      const total = await clipGradNorm([...params, noGrad], c.maxNorm, c.normType === 'Infinity' ? Infinity : c.normType);
      expect(Math.abs(total - c.total)).toBeLessThanOrEqual(1e-6 * c.total);
      params.forEach((p, i) => {
        expect(describeMismatch(p.grad!.dataSync(), fixtureValue(c.clipped[i]!).data, 1e-5, 1e-7), `grad ${i}`).toBeUndefined();
      });
      expect(noGrad.grad).toBeUndefined();
    });
  }
});

describe('clipGradNorm by hand', () => {
  it('scales [3, 4] (norm 5) to norm 1 and returns 5', async () => {
    const p = withGrad({ dtype: 'float32', shape: [2], data: [3, 4] });
    expect(await clipGradNorm([p], 1)).toBe(5);
    // coefficient 1 / (5 + 1e-6)
    const g = p.grad!.dataSync();
    expect(g[0]).toBeCloseTo(0.6, 6);
    expect(g[1]).toBeCloseTo(0.8, 6);
  });

  it('returns 0 and does nothing without gradients', async () => {
    expect(await clipGradNorm([new Parameter(F.zeros([2]))], 1)).toBe(0);
  });

  it('throws on a non-finite norm only when asked to', async () => {
    const p = withGrad({ dtype: 'float32', shape: [2], data: [Infinity, 1] });
    await expect(clipGradNorm([p], 1, 2, { errorIfNonfinite: true })).rejects.toThrow(/total 2-norm of 1 gradients is Infinity/);
    expect(await clipGradNorm([p], 1)).toBe(Infinity);
  });

  it('rejects a negative maxNorm and a normType <= 0', async () => {
    const p = withGrad({ dtype: 'float32', shape: [1], data: [1] });
    await expect(clipGradNorm([p], -1)).rejects.toThrow(CnnkitError);
    await expect(clipGradNorm([p], 1, 0)).rejects.toThrow(/normType 0 is invalid/);
  });
});
