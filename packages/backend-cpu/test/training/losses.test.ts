import {
  type Tensor, CnnkitError, F, binaryCrossEntropyWithLogits, crossEntropy, mseLoss, setBackend, tidy, valueAndGrads,
} from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import golden from './fixtures/loss_golden.json';
import { type FixtureTensor, describeMismatch, fixtureValue } from './golden-values';

interface LossGoldenCase {
  readonly name: string;
  readonly loss: 'crossEntropy' | 'binaryCrossEntropyWithLogits' | 'mseLoss';
  readonly options: {
    readonly reduction: 'mean' | 'sum' | 'none';
    readonly labelSmoothing?: number;
    readonly weight?: readonly number[];
    readonly ignoreIndex?: number;
    readonly posWeight?: number | readonly number[];
  };
  readonly inputs: { readonly input: FixtureTensor; readonly targets: FixtureTensor; readonly weight?: FixtureTensor };
  readonly upstream: FixtureTensor;
  readonly expected: FixtureTensor;
  readonly grad: FixtureTensor;
}

const CASES = golden.cases as unknown as readonly LossGoldenCase[];
const tensorOf = (t: FixtureTensor): Tensor => {
  const v = fixtureValue(t);
  return F.tensor(v.data, v.shape, v.dtype);
};

function lossFn(c: LossGoldenCase, input: Tensor): Tensor {
  const targets = tensorOf(c.inputs.targets);
  const { reduction } = c.options;
  switch (c.loss) {
    case 'crossEntropy':
      return crossEntropy(input, targets, {
        reduction,
        ...(c.options.labelSmoothing !== undefined ? { labelSmoothing: c.options.labelSmoothing } : {}),
        ...(c.options.weight ? { weight: Float32Array.from(c.options.weight) } : {}),
        ...(c.options.ignoreIndex !== undefined ? { ignoreIndex: c.options.ignoreIndex } : {}),
      });
    case 'binaryCrossEntropyWithLogits': {
      const pw = c.options.posWeight;
      return binaryCrossEntropyWithLogits(input, targets, {
        reduction,
        ...(pw !== undefined ? { posWeight: typeof pw === 'number' ? pw : Float32Array.from(pw) } : {}),
        ...(c.inputs.weight ? { weight: tensorOf(c.inputs.weight) } : {}),
      });
    }
    case 'mseLoss':
      return mseLoss(input, targets, { reduction });
  }
}

beforeAll(() => setBackend(createBackend()));

describe('losses against PyTorch 1.13 (values and gradients)', () => {
  it('covers every loss and reduction', () => {
    expect(new Set(CASES.map((c) => `${c.loss}/${c.options.reduction}`)).size).toBe(9);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const { value, grad } = tidy(() => {
        const input = tensorOf(c.inputs.input);
        const upstream = tensorOf(c.upstream);
        // d/dx Σ(loss ⊙ upstream): upstream is 1 for scalar losses, seeded values for 'none'.
        const r = valueAndGrads(() => F.reduceSum(F.mul(lossFn(c, input), upstream)), [input]);
        const direct = lossFn(c, input);
        return { value: { shape: direct.shape, data: direct.dataSync().slice() }, grad: r.grads[0]!.dataSync().slice() };
      });
      const expected = fixtureValue(c.expected);
      expect(value.shape).toEqual(expected.shape);
      expect(describeMismatch(value.data, expected.data, 1e-5, 1e-6)).toBeUndefined();
      expect(describeMismatch(grad, fixtureValue(c.grad).data, 1e-4, 1e-6)).toBeUndefined();
    });
  }
});

describe('crossEntropy by hand', () => {
  it('is log(C) for equal logits, and smoothing does not change it', () => {
    // logp = −log 3 everywhere, so nll = log 3 and the smoothed term −Σ logp / C = log 3 too.
    const value = tidy(() => {
      const logits = F.zeros([2, 3]);
      const targets = F.tensor([0, 2], [2], 'int32');
      return [crossEntropy(logits, targets).dataSync()[0]!, crossEntropy(logits, targets, { labelSmoothing: 0.4 }).dataSync()[0]!];
    });
    expect(value[0]).toBeCloseTo(Math.log(3), 6);
    expect(value[1]).toBeCloseTo(Math.log(3), 6);
  });

  it('divides a weighted mean by the summed weights of the targets', () => {
    // logits [0, ln 3]: logp = [−ln 4, ln 3 − ln 4]; targets 0 (w 1) and 1 (w 3):
    // (1·ln 4 + 3·(ln 4 − ln 3)) / (1 + 3).
    const v = tidy(() =>
      crossEntropy(F.tensor([0, Math.log(3), 0, Math.log(3)], [2, 2]), F.tensor([0, 1], [2], 'int32'), { weight: [1, 3] }).dataSync()[0]!);
    expect(v).toBeCloseTo((Math.log(4) + 3 * (Math.log(4) - Math.log(3))) / 4, 6);
  });

  it('names the sample, the value and the class count of an out-of-range target', () => {
    const attempt = (t: number[]) => () => tidy(() => crossEntropy(F.zeros([3, 4]), F.tensor(t, [3], 'int32')));
    expect(attempt([0, 4, 1])).toThrow(CnnkitError);
    expect(attempt([0, 4, 1])).toThrow(/target at index 1 is 4; expected a class index in \[0, 4\) for 4 classes/);
    expect(attempt([0, 1, -1])).toThrow(/target at index 2 is -1/);
    expect(attempt([0, -100, 1])).not.toThrow();
  });

  it('rejects mismatched shapes, dtypes, weights and options', () => {
    const run = (fn: () => unknown) => () => tidy(fn);
    expect(run(() => crossEntropy(F.zeros([3, 4]), F.tensor([0, 1], [2], 'int32')))).toThrow(/targets are int32 \[2\]; expected int32 \[3\]/);
    expect(run(() => crossEntropy(F.zeros([3, 4]), F.tensor([0, 1, 2], [3])))).toThrow(/targets are float32/);
    expect(run(() => crossEntropy(F.zeros([4]), F.tensor([0], [1], 'int32')))).toThrow(/expected float32 \[N, C\]/);
    expect(run(() => crossEntropy(F.zeros([1, 4]), F.tensor([0], [1], 'int32'), { weight: [1, 2] }))).toThrow(/weight has 2 values; expected one per class \(4\)/);
    expect(run(() => crossEntropy(F.zeros([1, 4]), F.tensor([0], [1], 'int32'), { labelSmoothing: 1.5 }))).toThrow(/labelSmoothing 1.5/);
    expect(run(() => crossEntropy(F.zeros([1, 4]), F.tensor([0], [1], 'int32'), { reduction: 'avg' as 'mean' }))).toThrow(/reduction "avg"/);
  });
});

describe('binaryCrossEntropyWithLogits and mseLoss by hand', () => {
  it('has gradient σ(x) − y at x = 0 (0.5 − y), where the |x| form would give 1 − y', () => {
    const g = tidy(() => {
      const x = F.zeros([2]);
      const y = F.tensor([0, 1], [2]);
      return valueAndGrads(() => binaryCrossEntropyWithLogits(x, y, { reduction: 'sum' }), [x]).grads[0]!.dataSync().slice();
    });
    expect(Array.from(g)).toEqual([0.5, -0.5]);
  });

  it('stays finite for logits of ±100 (log 2 at 0, 0 when confidently right, |x| when confidently wrong)', () => {
    const v = tidy(() => binaryCrossEntropyWithLogits(F.tensor([0, 100, -100, 100], [4]), F.tensor([1, 1, 0, 0], [4]), { reduction: 'none' }).dataSync().slice());
    expect(v[0]).toBeCloseTo(Math.log(2), 6);
    expect(v[1]).toBe(0);
    expect(v[2]).toBe(0);
    expect(v[3]).toBeCloseTo(100, 4);
  });

  it('mseLoss: mean of squared differences ((1 + 4 + 0 + 9) / 4 = 3.5)', () => {
    const v = tidy(() => mseLoss(F.tensor([1, 2, 3, 4], [2, 2]), F.tensor([0, 0, 3, 7], [2, 2])).dataSync()[0]);
    expect(v).toBe(3.5);
  });

  it('reject shape and dtype mismatches', () => {
    const run = (fn: () => unknown) => () => tidy(fn);
    expect(run(() => mseLoss(F.zeros([2, 1]), F.zeros([2])))).toThrow(/mseLoss: pred float32 \[2, 1\] and target float32 \[2\]/);
    expect(run(() => binaryCrossEntropyWithLogits(F.zeros([2]), F.tensor([0, 1], [2], 'int32')))).toThrow(CnnkitError);
    expect(run(() => binaryCrossEntropyWithLogits(F.zeros([2, 3]), F.zeros([2, 3]), { posWeight: [1, 2] }))).toThrow(/posWeight has 2 values/);
  });
});
