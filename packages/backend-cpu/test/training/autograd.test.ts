import {
  type Backend, type Kernel, type KernelTable, type OpType, type Tensor, type TensorValue,
  CnnkitError, F, Parameter, backward, noGrad, runOp, setBackend, valueAndGrads,
} from '@cnnkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';

const cpu = createBackend();

beforeEach(() => setBackend(cpu));

const values = (t: Tensor | undefined): number[] => {
  if (!t) throw new Error('expected a gradient, got undefined');
  return Array.from(t.dataSync());
};

describe('valueAndGrads', () => {
  it('differentiates a hand-worked chain: loss = Σ relu(x·w + b)²', () => {
    // z = x·w + b = [1·2 + 0.5, -2·1 + 3, 0.5·4 - 3] = [2.5, 1, -1]; relu(z) = [2.5, 1, 0]; loss = 6.25 + 1 = 7.25.
    // dL/dz = 2·relu(z)·[z > 0] = [5, 2, 0]; dL/dx = dz·w = [10, 2, 0]; dL/dw = dz·x = [5, -4, 0]; dL/db = dz = [5, 2, 0].
    const x = F.tensor([1, -2, 0.5], [3]);
    const w = F.tensor([2, 1, 4], [3]);
    const b = F.tensor([0.5, 3, -3], [3]);
    const { value, grads } = valueAndGrads(() => {
      const r = F.relu(F.add(F.mul(x, w), b));
      return F.reduceSum(F.mul(r, r));
    }, [x, w, b]);
    expect(values(value)).toEqual([7.25]);
    expect(values(grads[0])).toEqual([10, 2, 0]);
    expect(values(grads[1])).toEqual([5, -4, 0]);
    expect(values(grads[2])).toEqual([5, 2, 0]);
  });

  it("relu's gradient passes dy where x > 0, a zero of the product's sign at x ≤ 0 (±0 included), NaN where x is NaN", () => {
    // Σ relu(x) · u: d/dx = u where x > 0; the 0 / 1 / NaN mask times u elsewhere (−0 · 1 = −0, 0 · −1 = −0).
    const x = F.tensor([-2, -0, 0, 3, NaN, 1e-30], [6]);
    const u = F.tensor([1, 1, -1, 2, 5, -4], [6]);
    const { grads } = valueAndGrads(() => F.reduceSum(F.mul(F.relu(x), u)), [x]);
    const got = values(grads[0]);
    [0, -0, -0, 2, NaN, -4].forEach((want, i) => expect(Object.is(got[i], want), `dx[${i}] = ${got[i]}, expected ${want}`).toBe(true));
  });

  it('adds up the gradients of a tensor used several times', () => {
    // loss = Σ (x·x + x): d/dx = 2x + 1 = [7, -1] at x = [3, -1] (three uses: both mul operands and add).
    const x = F.tensor([3, -1], [2]);
    const { grads } = valueAndGrads(() => F.reduceSum(F.add(F.mul(x, x), x)), [x]);
    expect(values(grads[0])).toEqual([7, -1]);
  });

  it('gives undefined for tensors the value does not depend on', () => {
    const x = F.tensor([1, 2], [2]);
    const unrelated = F.tensor([5, 6], [2]);
    const detached = F.tensor([7, 8], [2]);
    const { value, grads } = valueAndGrads(() => {
      noGrad(() => F.mul(detached, x)); // not recorded: no path to the loss
      return F.reduceSum(F.mul(x, F.scalar(3)));
    }, [x, unrelated, detached]);
    expect(values(value)).toEqual([9]);
    expect(values(grads[0])).toEqual([3, 3]);
    expect(grads[1]).toBeUndefined();
    expect(grads[2]).toBeUndefined();
  });

  describe('frees what it creates', () => {
    let created: Tensor[] = [];
    const record = (ts: Tensor[]): Tensor[] => {
      created.push(...ts);
      return ts;
    };
    // The cpu backend with every tensor it makes (kernel outputs and uploads) recorded.
    const kernels = Object.fromEntries(Object.entries(cpu.kernels).map(([op, kernel]) => [
      op, (inputs: Tensor[], attrs: unknown) => record((kernel as Kernel<OpType>)(inputs, attrs as never)),
    ])) as KernelTable;
    const counting: Backend = {
      name: cpu.name,
      capabilities: cpu.capabilities,
      info: () => cpu.info(),
      compile: (graph) => cpu.compile(graph),
      kernels,
      fromHost: (v: TensorValue) => record([cpu.fromHost(v)])[0]!,
    };
    beforeEach(() => {
      setBackend(counting);
      created = [];
    });
    afterEach(() => setBackend(cpu));

    it('leaves only the value and the gradients alive', () => {
      const x = F.tensor([1, -2, 3, 0.5, -1, 2], [2, 3]);
      const w = F.tensor([0.5, -1, 2, 1, 0, -0.5], [2, 3]);
      created = [];
      const { value, grads } = valueAndGrads(() => F.reduceMean(F.softmax(F.mul(F.relu(F.add(x, w)), F.scalar(2)), 1)), [x, w]);
      const alive = created.filter((t) => !t.isDisposed);
      expect(created.length).toBeGreaterThan(10);
      expect(new Set(alive)).toEqual(new Set([value, ...grads]));
      expect(x.isDisposed || w.isDisposed).toBe(false);
    });
  });

  it('names the op when one on the path has no gradient', () => {
    const dy = F.tensor([1, 2], [1, 1, 2]);
    const f = (): Tensor => F.reduceSum(runOp('avgPool1dBackward', [dy], { kernelSize: 2, inputSize: 4 })[0]!);
    expect(() => valueAndGrads(f, [dy])).toThrow(CnnkitError);
    expect(() => valueAndGrads(f, [dy])).toThrow('avgPool1dBackward: no gradient is defined for this op, so it cannot be trained through');
  });

  it('refuses a gradient for the batch statistics of batchNormTraining', () => {
    const x = F.tensor([1, 2, 4, 8], [2, 2]);
    const scale = F.ones([2]);
    const bias = F.zeros([2]);
    const ok = valueAndGrads(() => F.reduceSum(F.mul(F.batchNormTraining(x, scale, bias).y, x)), [x, scale, bias]);
    expect(ok.grads.every((g) => g !== undefined)).toBe(true);
    expect(() => valueAndGrads(() => F.reduceSum(F.batchNormTraining(x, scale, bias).mean), [x])).toThrow(
      /batchNormTraining gradient: the loss depends on the batch mean \(output 1\); expected only y \(output 0\)/,
    );
  });

  it('refuses a 3-D globalMaxPool gradient clearly (no 3-D max pool backward op)', () => {
    const x = F.tensor([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 2, 2, 2]);
    expect(() => valueAndGrads(() => F.reduceSum(F.globalMaxPool(x)), [x])).toThrow(
      'globalMaxPool gradient: x has shape [1, 1, 2, 2, 2] (rank 5); expected rank 3 or 4',
    );
  });
});

describe('backward', () => {
  it('accumulates into Parameter.grad across calls and skips frozen parameters', () => {
    // loss = Σ a·b·c with a = [1, 2], b = [3, -1], c = [2, 2]: dL/da = b·c = [6, -2]; twice -> [12, -4].
    const a = new Parameter(F.tensor([1, 2], [2]));
    const b = new Parameter(F.tensor([3, -1], [2]), false);
    const c = F.tensor([2, 2], [2]);
    const loss = (): Tensor => F.reduceSum(F.mul(F.mul(a.value, b.value), c));
    expect(values(backward(loss, [a, b]))).toEqual([2]);
    expect(values(a.grad)).toEqual([6, -2]);
    const firstGrad = a.grad!;
    backward(loss, [a, b]);
    expect(values(a.grad)).toEqual([12, -4]);
    expect(firstGrad.isDisposed).toBe(true);
    expect(b.grad).toBeUndefined();
    a.zeroGrad();
    expect(a.grad).toBeUndefined();
  });

  it('still gives a parameter a gradient when it is unfrozen', () => {
    const a = new Parameter(F.tensor([1, 2], [2]), false);
    backward(() => F.reduceSum(F.mul(a.value, a.value)), [a]);
    expect(a.grad).toBeUndefined();
    a.requiresGrad = true;
    backward(() => F.reduceSum(F.mul(a.value, a.value)), [a]);
    expect(values(a.grad)).toEqual([2, 4]);
  });
});

describe('needsGrad: gradients nobody asked for are not computed', () => {
  it('skips conv2dBackwardInput for a data input and conv2dBackwardFilter for a frozen weight', () => {
    const calls: string[] = [];
    const counted = (op: 'conv2dBackwardInput' | 'conv2dBackwardFilter'): Kernel<typeof op> => (inputs, attrs) => {
      calls.push(op);
      return (cpu.kernels[op] as Kernel<typeof op>)(inputs, attrs as never);
    };
    const kernels: KernelTable = { ...cpu.kernels, conv2dBackwardInput: counted('conv2dBackwardInput'), conv2dBackwardFilter: counted('conv2dBackwardFilter') };
    setBackend({ ...cpu, name: cpu.name, capabilities: cpu.capabilities, info: () => cpu.info(), compile: (g) => cpu.compile(g), fromHost: cpu.fromHost, kernels } as Backend);
    const x = F.tensor(Array.from({ length: 16 }, (_, i) => i / 16), [1, 1, 4, 4]);
    const w = F.tensor(Array.from({ length: 9 }, (_, i) => i / 9 - 0.4), [1, 1, 3, 3]);
    valueAndGrads(() => F.reduceSum(F.conv2d(x, w)), [w]);
    expect(calls).toEqual(['conv2dBackwardFilter']);
    calls.length = 0;
    valueAndGrads(() => F.reduceSum(F.conv2d(x, w)), [x]);
    expect(calls).toEqual(['conv2dBackwardInput']);
  });
});
