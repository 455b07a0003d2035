import { type Backend, type FusedAdamStep, type Tensor, Adam, AdamW, F, Parameter, setBackend } from '@cnnkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import { fusedAdam } from '../../src/fused-updates/adam';
import { cpuWith } from '../altered-backends';

// The fused Adam must be bit for bit the update core composes from elementwise ops (the
// reference; the conformance suite's optimizer cases hold both to PyTorch's numbers).

const fused = createBackend();
/** The cpu backend without fused updates: core composes Adam from its ops. */
const composed = cpuWith({});
afterAll(() => setBackend(fused));

/** Values that stress the arithmetic: signed zeros, NaN, infinities, tiny and huge, and plain noise. */
function values(n: number, seed: number): Float32Array {
  const special = [0, -0, Number.NaN, Infinity, -Infinity, 1e-30, -1e-30, 3e38, -3e38, 1e-45];
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = i % 17 === 3 ? special[(s >>> 8) % special.length]! : ((s >>> 8) / 2 ** 24 - 0.5) * 2;
  }
  return out;
}

const bits = (t: Tensor | Float32Array): Uint32Array => {
  const v = t instanceof Float32Array ? t : (t.dataSync() as Float32Array);
  return new Uint32Array(v.buffer, v.byteOffset, v.length);
};

type Make = (params: Parameter[]) => Adam | AdamW;
const CONFIGS: readonly { readonly name: string; readonly make: Make }[] = [
  { name: 'Adam', make: (p) => new Adam(p, { lr: 1e-2 }) },
  { name: 'Adam with L2 weight decay and other betas', make: (p) => new Adam(p, { lr: 3e-3, betas: [0.8, 0.99], eps: 1e-6, weightDecay: 0.1 }) },
  { name: 'AdamW (decoupled decay)', make: (p) => new AdamW(p, { lr: 1e-2, weightDecay: 0.05 }) },
];

/** Three steps over parameters of a few sizes (one not a multiple of four lanes, one above the wasm cutoffs), on `backend`. */
async function trajectory(backend: Backend, make: Make): Promise<Uint32Array[]> {
  setBackend(backend);
  const sizes = [[1], [5], [3, 1367]];
  const params = sizes.map((shape, i) => new Parameter(F.tensor(values(shape.reduce((a, b) => a * b, 1), 11 + i), shape)));
  const optimizer = make(params);
  const seen: Uint32Array[] = [];
  for (let step = 0; step < 3; step++) {
    params.forEach((p, i) => {
      p.zeroGrad();
      p.grad = F.tensor(values(p.value.size, 100 * step + i), [...p.value.shape]);
    });
    optimizer.step();
    for (const p of params) seen.push(bits(p.value).slice());
  }
  const state = await optimizer.stateDict();
  expect(Object.keys(state.state)).toHaveLength(params.length);
  for (const entry of Object.values(state.state)) {
    for (const key of ['exp_avg', 'exp_avg_sq']) {
      const t = entry[key];
      if (t !== undefined && typeof t !== 'number') seen.push(bits(t.data as Float32Array).slice());
    }
  }
  return seen;
}

describe('fused Adam on the cpu backend', () => {
  for (const { name, make } of CONFIGS) {
    it(`${name}: three steps give the composed update's parameters and moments, bit for bit`, async () => {
      const expected = await trajectory(composed, make);
      const got = await trajectory(fused, make);
      expect(got.length).toBe(expected.length);
      got.forEach((b, i) => expect(b, `array ${i}`).toEqual(expected[i]));
    });
  }

  it('runs in place of the composed update (one call per parameter and step), and not for amsgrad', () => {
    let calls = 0;
    const counting: Backend = { ...composed, fusedUpdates: { adam: (s) => { calls++; return fusedAdam(s); } } };
    setBackend(counting);
    const p = new Parameter(F.tensor([1, 2, 3], [3]));
    const plain = new Adam([p]);
    p.grad = F.tensor([0.1, -0.2, 0.3], [3]);
    plain.step();
    expect(calls).toBe(1);
    const ams = new Adam([p], { amsgrad: true });
    ams.step();
    expect(calls).toBe(1);
  });

  it('gives the same bits in its JavaScript loop as in the wasm module, first step and later, for each decay', () => {
    setBackend(fused);
    const n = 4099;
    const [p, g, m, v] = [1, 2, 3, 4].map((seed) => F.tensor(values(n, seed), [n]));
    const absV = F.tensor(values(n, 4).map(Math.abs), [n]);
    for (const [weightDecay, decoupled] of [[0, false], [0.1, false], [0.1, true]] as const) {
      for (const state of [{}, { expAvg: m!, expAvgSq: absV }, { expAvg: m!, expAvgSq: v! }]) {
        const step: FusedAdamStep = { param: p!, grad: g!, lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay, decoupled, step: 7, ...state };
        const [a, b] = [fusedAdam(step, 'wasm'), fusedAdam(step, 'js')];
        expect(bits(a.param)).toEqual(bits(b.param));
        expect(bits(a.expAvg)).toEqual(bits(b.expAvg));
        expect(bits(a.expAvgSq)).toEqual(bits(b.expAvgSq));
      }
    }
  });

  it('keeps a first step\'s −0 moment (no zero-filled state added in)', () => {
    setBackend(fused);
    const r = fusedAdam({ param: F.tensor([1], [1]), grad: F.tensor([-0], [1]), lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, decoupled: false, step: 1 });
    expect(Object.is(r.expAvg.dataSync()[0], -0)).toBe(true);
    expect(r.param.dataSync()[0]).toBe(1);
  });

  it('names a gradient whose shape is not the parameter\'s', () => {
    setBackend(fused);
    expect(() => fusedAdam({ param: F.tensor([1, 2], [2]), grad: F.tensor([1, 2], [1, 2]), lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, decoupled: false, step: 1 }))
      .toThrow("fused Adam: grad is [1, 2]; expected the parameter's shape [2]");
  });
});
