import { readFileSync } from 'node:fs';
import { AdaptiveAvgPool2d, F, valueAndGrads } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, read, t, useCpu } from '../training/layers/helpers';

beforeAll(useCpu);

interface PoolCase {
  readonly name: string;
  readonly inputShape: number[];
  readonly outputSize: [number, number];
  readonly x: number[];
  readonly g: number[];
  readonly outputShape: number[];
  readonly y: number[];
  readonly dx: number[];
}

const golden = JSON.parse(readFileSync(new URL('./fixtures/adaptive_avg_pool.json', import.meta.url), 'utf8')) as { cases: PoolCase[] };

describe('AdaptiveAvgPool2d against PyTorch (fixtures/adaptive_avg_pool.py)', () => {
  for (const c of golden.cases) {
    it(`${c.name}: ${c.inputShape.join('×')} → ${c.outputSize.join('×')}, forward and gradient`, () => {
      const pool = new AdaptiveAvgPool2d(c.outputSize);
      const x = t(c.x, c.inputShape);
      const { value, grads } = valueAndGrads(() => {
        const y = pool.call(x);
        expect(y.shape).toEqual(c.outputShape);
        expectClose(read(y), c.y, 1e-6);
        return F.reduceSum(F.mul(y, t(c.g, c.outputShape)));
      }, [x]);
      expect(value.size).toBe(1);
      expectClose(read(grads[0]!), c.dx, 1e-6);
    });
  }
});

describe('AdaptiveAvgPool2d (hand-worked)', () => {
  it('5 → 3 averages the overlapping bins [0, 2), [1, 4), [3, 5) per axis', () => {
    // x[r][c] = 5r + c is affine, so a bin's mean is the value at its centre: rows 0.5, 2, 3.5.
    const y = new AdaptiveAvgPool2d(3).call(t(Array.from({ length: 25 }, (_, i) => i), [1, 1, 5, 5]));
    const centre = [0.5, 2, 3.5];
    expectClose(read(y), centre.flatMap((r) => centre.map((c) => 5 * r + c)));
  });

  it('an equal size is the identity; 1 × 1 spreads to every cell', () => {
    const x = F.ones([1, 2, 7, 7]);
    expect(new AdaptiveAvgPool2d([7, 7]).call(x)).toBe(x);
    expect(read(new AdaptiveAvgPool2d([2, 3]).call(t([4, -1], [1, 2, 1, 1])))).toEqual([4, 4, 4, 4, 4, 4, -1, -1, -1, -1, -1, -1]);
  });

  it('prints like PyTorch and refuses sizes that are not positive integers', () => {
    expect(new AdaptiveAvgPool2d([7, 7]).describe()).toBe('AdaptiveAvgPool2d(output_size=(7, 7))');
    expect(new AdaptiveAvgPool2d(1).describe()).toBe('AdaptiveAvgPool2d(output_size=1)');
    expect(() => new AdaptiveAvgPool2d(0)).toThrow('AdaptiveAvgPool2d: outputSize 0 is not supported; expected a positive integer or two of them ([oH, oW])');
    expect(() => new AdaptiveAvgPool2d([2, 1, 3] as unknown as [number, number])).toThrow('outputSize [2,1,3] is not supported');
    expect(() => new AdaptiveAvgPool2d([2.5, 1])).toThrow('outputSize [2.5,1] is not supported');
  });
});
