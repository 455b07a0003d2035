import {
  type AdamOptions, type OptimizerState, type SgdOptions, type Tensor, Adam, AdamW, CnnkitError, F, Parameter, SGD, setBackend, tidy,
} from '@cnnkit/core';
import { OPTIMIZER_CASES, type OptimizerCase, runOptimizerCase } from '@cnnkit/conformance';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import golden from './fixtures/optim_golden.json';
import { type FixtureTensor, describeMismatch, fixtureValue } from './golden-values';

interface GroupsCase {
  readonly name: string;
  readonly optimizer: 'SGD' | 'Adam' | 'AdamW';
  readonly defaults: Record<string, unknown>;
  readonly groups: readonly { readonly size: number; readonly options: Record<string, unknown> }[];
  readonly params: readonly FixtureTensor[];
  readonly grads: readonly (readonly FixtureTensor[])[];
  readonly expected: readonly (readonly FixtureTensor[])[];
}

type AnyOptimizer = SGD | Adam | AdamW;
const backend = createBackend();
beforeAll(() => setBackend(backend));

const upload = (t: FixtureTensor): Tensor => tidy(() => {
  const v = fixtureValue(t);
  return F.tensor(v.data, v.shape, v.dtype);
});
const valuesOf = (p: Parameter): Float32Array => p.value.dataSync().slice() as Float32Array;

function buildGroups(c: GroupsCase, params: Parameter[]): AnyOptimizer {
  let offset = 0;
  const groups = c.groups.map((g) => {
    const spec = { params: params.slice(offset, offset + g.size), ...g.options };
    offset += g.size;
    return spec;
  });
  if (c.optimizer === 'SGD') return new SGD(groups as never, c.defaults as Partial<SgdOptions>);
  const defaults = c.defaults as unknown as Partial<AdamOptions>;
  return c.optimizer === 'Adam' ? new Adam(groups as never, defaults) : new AdamW(groups as never, defaults);
}

function setGrads(params: Parameter[], grads: readonly FixtureTensor[]): void {
  params.forEach((p, i) => {
    p.zeroGrad();
    p.grad = upload(grads[i]!);
  });
}

describe('optimizer conformance cases (PyTorch 1.13) on the cpu backend', () => {
  it('cover SGD, Adam and AdamW with their variants', () => {
    expect(new Set(OPTIMIZER_CASES.map((c) => c.subject))).toEqual(new Set(['optimizer:sgd', 'optimizer:adam', 'optimizer:adamw']));
    expect(OPTIMIZER_CASES.length).toBeGreaterThanOrEqual(15);
  });

  // Each case runs once, in the conformance suite (test/conformance.test.ts); here only the runner's own checks.

  it('fail when an expected value is off by more than the tolerance, naming the parameter and step', async () => {
    const c = OPTIMIZER_CASES.find((k) => k.id === 'optimizer:adam/pytorch/amsgrad')!;
    const data = c.expected[2]![1]!.data.slice();
    data[1] = data[1]! + 1e-3;
    const wrong: OptimizerCase = { ...c, expected: [c.expected[0]!, c.expected[1]!, [c.expected[2]![0]!, { ...c.expected[2]![1]!, data }]] };
    const outcome = await runOptimizerCase(backend, wrong);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/param 1 after step 3/);
  });

  it('fail (not throw) on options the optimizer rejects', async () => {
    const c = OPTIMIZER_CASES[0]!;
    const outcome = await runOptimizerCase(backend, { ...c, options: { ...c.options, momentum: -1 } });
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringMatching(/momentum -1 is invalid/) });
  });
});

describe('parameter groups against PyTorch (own options per group, lr changed between steps)', () => {
  for (const c of golden.optimizers as unknown as GroupsCase[]) {
    it(c.name, () => {
      const params = c.params.map((p) => new Parameter(upload(p)));
      const optimizer = buildGroups(c, params);
      for (let step = 0; step < 3; step++) {
        setGrads(params, c.grads[step]!);
        optimizer.step();
        params.forEach((p, i) => {
          expect(describeMismatch(valuesOf(p), fixtureValue(c.expected[step]![i]!).data, 1e-5, 1e-6), `param ${i}, step ${step + 1}`).toBeUndefined();
        });
        if (step === 0) optimizer.paramGroups[0]!.lr *= 0.5;
      }
    });
  }
});

describe('stateDict / loadStateDict', () => {
  // Resuming must reproduce PyTorch's uninterrupted trajectory: step once, save, restore into a
  // fresh optimizer over fresh parameters holding the saved values, take the remaining steps.
  for (const c of golden.optimizers as unknown as GroupsCase[]) {
    it(`${c.name}: save after step 1, resume in a new optimizer, match PyTorch at steps 2 and 3`, async () => {
      const first = c.params.map((p) => new Parameter(upload(p)));
      const before = buildGroups(c, first);
      setGrads(first, c.grads[0]!);
      before.step();
      before.paramGroups[0]!.lr *= 0.5;
      const saved: OptimizerState = JSON.parse(JSON.stringify(await before.stateDict(), typedArraysAsLists), withTypedArrays);
      const resumed = first.map((p) => new Parameter(F.tensor(valuesOf(p), p.value.shape)));
      const after = buildGroups(c, resumed);
      after.loadStateDict(saved);
      expect(after.paramGroups.map((g) => g.lr)).toEqual(before.paramGroups.map((g) => g.lr));
      for (let step = 1; step < 3; step++) {
        setGrads(resumed, c.grads[step]!);
        after.step();
        resumed.forEach((p, i) => {
          expect(describeMismatch(valuesOf(p), fixtureValue(c.expected[step]![i]!).data, 1e-5, 1e-6), `param ${i}, step ${step + 1}`).toBeUndefined();
        });
      }
    });
  }

  it('keys state by parameter index with torch names, and groups list their indices', async () => {
    const a = new Parameter(F.tensor([1, 2], [2]));
    const b = new Parameter(F.tensor([3], [1]));
    const c = new Parameter(F.tensor([4], [1]));
    const opt = new Adam([{ params: [a, b] }, { params: [c], lr: 0.5 }], { amsgrad: true });
    a.grad = F.tensor([0.1, 0.2], [2]);
    c.grad = F.tensor([0.3], [1]);
    opt.step();
    const state = await opt.stateDict();
    expect(state.optimizer).toBe('Adam');
    expect(Object.keys(state.state)).toEqual(['0', '2']); // b had no gradient, so no state
    expect(Object.keys(state.state[0]!).sort()).toEqual(['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq', 'step']);
    expect(state.state[2]!.step).toBe(1);
    expect(state.paramGroups.map((g) => g.params)).toEqual([[0, 1], [2]]);
    expect(state.paramGroups[1]!.options).toEqual({ lr: 0.5, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: true });
  });

  it('rejects state from another optimizer, another grouping or other shapes, leaving its own state intact', async () => {
    const p = new Parameter(F.tensor([1, 2], [2]));
    const sgd = new SGD([p], { lr: 0.1, momentum: 0.9 });
    p.grad = F.tensor([1, 1], [2]);
    sgd.step();
    const state = await sgd.stateDict();
    expect(() => new Adam([p]).loadStateDict(state)).toThrow(/saved by SGD; expected Adam/);
    const q = new Parameter(F.tensor([1, 2, 3], [3]));
    expect(() => new SGD([q], { momentum: 0.9 }).loadStateDict(state)).toThrow(/parameter 0: momentum_buffer is float32 \[2\]; expected the parameter's float32 \[3\]/);
    expect(() => new SGD([p, q], { momentum: 0.9 }).loadStateDict(state)).toThrow(/saved parameter group 0 has 1 parameters; this optimizer's has 2/);
    const before = p.value.dataSync().slice();
    sgd.step(); // its momentum buffer [1, 1] survives the failed loads elsewhere: p − 0.1·(0.9 + 1)
    expect(Array.from(p.value.dataSync())).toEqual(Array.from(before).map((v) => Math.fround(v - Math.fround(0.1 * Math.fround(1.9)))));
  });
});

describe('step rules', () => {
  it('skips parameters without a gradient and frozen ones, and zeroGrad clears every gradient', () => {
    const a = new Parameter(F.tensor([1, 1], [2]));
    const b = new Parameter(F.tensor([1, 1], [2]));
    const frozen = new Parameter(F.tensor([1, 1], [2]), false);
    const opt = new SGD([a, b, frozen], { lr: 0.5 });
    a.grad = F.tensor([1, -2], [2]);
    frozen.grad = F.tensor([1, 1], [2]);
    opt.step();
    expect(Array.from(a.value.dataSync())).toEqual([0.5, 2]); // 1 − 0.5·1, 1 − 0.5·(−2)
    expect(Array.from(b.value.dataSync())).toEqual([1, 1]);
    expect(Array.from(frozen.value.dataSync())).toEqual([1, 1]);
    opt.zeroGrad();
    expect([a.grad, b.grad, frozen.grad]).toEqual([undefined, undefined, undefined]);
  });

  it('keeps the first momentum buffer when the gradient it copied is cleared', () => {
    const p = new Parameter(F.tensor([0], [1]));
    const opt = new SGD([p], { lr: 1, momentum: 0.5 });
    p.grad = F.tensor([2], [1]);
    opt.step(); // b = 2, p = −2
    opt.zeroGrad();
    p.grad = F.tensor([0], [1]);
    opt.step(); // b = 0.5·2 + 0 = 1, p = −3
    expect(Array.from(p.value.dataSync())).toEqual([-3]);
  });

  it('AdamW decays decoupled from the gradient (a zero gradient still shrinks the weight)', () => {
    // m = v = 0 → update m / (√v/√(1−β2) + eps) = 0; p ← p·(1 − lr·wd) = 2·(1 − 0.1·0.5) = 1.9.
    const p = new Parameter(F.tensor([2], [1]));
    const opt = new AdamW([p], { lr: 0.1, weightDecay: 0.5 });
    p.grad = F.tensor([0], [1]);
    opt.step();
    expect(p.value.dataSync()[0]).toBeCloseTo(1.9, 6);
  });

  it('reject bad options, empty and duplicated parameters with CnnkitError', () => {
    const p = new Parameter(F.tensor([1], [1]));
    expect(() => new SGD([p], { lr: -1 })).toThrow(CnnkitError);
    expect(() => new SGD([p], { lr: -1 })).toThrow(/SGD options: lr -1 is invalid; expected a finite number >= 0/);
    expect(() => new SGD([p], { nesterov: true })).toThrow(/nesterov needs momentum > 0 and dampening 0; given momentum 0/);
    expect(() => new Adam([p], { betas: [0.9, 1] })).toThrow(/betas \[0.9,1\] are invalid/);
    expect(() => new SGD([p], { momentun: 0.9 } as Partial<SgdOptions>)).toThrow(/unknown option 'momentun'/);
    expect(() => new SGD([])).toThrow(/empty parameter list/);
    expect(() => new SGD([{ params: [p] }, { params: [p] }])).toThrow(/param group 1: parameter 0 already belongs to a parameter group/);
    expect(() => new SGD([{ params: [p], lr: Number.NaN }])).toThrow(/param group 0: lr NaN is invalid/);
  });

  it('addParamGroup takes new parameters with their own lr (gradual unfreezing)', () => {
    const head = new Parameter(F.tensor([1], [1]));
    const backbone = new Parameter(F.tensor([1], [1]));
    const opt = new SGD([head], { lr: 0.1 });
    opt.addParamGroup({ params: [backbone], lr: 0.01 });
    head.grad = F.tensor([1], [1]);
    backbone.grad = F.tensor([1], [1]);
    opt.step();
    expect(head.value.dataSync()[0]).toBeCloseTo(0.9, 7);
    expect(backbone.value.dataSync()[0]).toBeCloseTo(0.99, 7);
  });
});

function typedArraysAsLists(_key: string, value: unknown): unknown {
  return value instanceof Float32Array || value instanceof Int32Array ? { typed: value instanceof Float32Array ? 'f32' : 'i32', values: Array.from(value) } : value;
}

function withTypedArrays(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && 'typed' in value && 'values' in value) {
    const v = value as { typed: string; values: number[] };
    return v.typed === 'f32' ? Float32Array.from(v.values) : Int32Array.from(v.values);
  }
  return value;
}
