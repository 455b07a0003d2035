import { type Backend, type Tensor, type TensorValue, CnnkitError, F, engine, getOpDef, noGrad, runOp, setBackend, tidy, valueAndGrads } from '@cnnkit/core';
import type { Tolerance } from '../case';
import { compareTensors } from '../compare';
import { type CaseResult, type CaseStatus, effectiveTolerance } from '../run-case';
import { FINITE_DIFFERENCE_STEP, type GradientCase } from './gradient-case';

const copyOf = (v: TensorValue): TensorValue => ({ dtype: v.dtype, shape: v.shape, data: v.data.slice() });

/** L = Σ_k Σ(output_k * upstream_k) as ops, so autograd sees every step. */
function lossOf(outputs: readonly Tensor[], upstream: readonly (Tensor | null)[]): Tensor {
  let loss: Tensor | undefined;
  outputs.forEach((y, k) => {
    const u = upstream[k];
    if (!u) return;
    const term = F.reduceSum(F.mul(y, u));
    loss = loss ? F.add(loss, term) : term;
  });
  if (!loss) throw new CnnkitError('INVALID_ARGUMENT', 'gradient case: every upstream is null; expected at least one output in the loss');
  return loss;
}

/** The gradients autograd computes, read back to host values (undefined where none reached an input). */
async function autogradGradients(c: GradientCase): Promise<(TensorValue | undefined)[]> {
  const grads = tidy(() => {
    const xs = c.inputs.map((v) => engine.upload(copyOf(v)));
    const upstream = c.upstream.map((u) => (u ? engine.upload(copyOf(u)) : null));
    return valueAndGrads(() => lossOf(runOp(c.op, xs, c.attrs), upstream), c.wrt.map((i) => xs[i]!)).grads;
  });
  try {
    return await Promise.all(grads.map((g) => g?.toValue()));
  } finally {
    for (const g of grads) g?.dispose();
  }
}

/** L in float64 from one forward run on the given inputs (float32, as the backend computes). */
async function lossAt(c: GradientCase, inputs: readonly TensorValue[]): Promise<number> {
  const xs = inputs.map((v) => engine.upload(v));
  const outputs = noGrad(() => runOp(c.op, xs, c.attrs));
  try {
    let loss = 0;
    for (let k = 0; k < outputs.length; k++) {
      const u = c.upstream[k];
      if (!u) continue;
      const y = await outputs[k]!.data();
      for (let e = 0; e < y.length; e++) loss += y[e]! * u.data[e]!;
    }
    return loss;
  } finally {
    for (const t of [...xs, ...outputs]) t.dispose();
  }
}

/**
 * Central differences of L for every value of every wrt input: each value moves by ±step in
 * float32 and the quotient uses the step actually taken, in float64.
 */
async function finiteDifferences(c: GradientCase): Promise<TensorValue[]> {
  const step = c.step ?? FINITE_DIFFERENCE_STEP;
  const result: TensorValue[] = [];
  for (const i of c.wrt) {
    const base = c.inputs[i]!;
    const moved = copyOf(base);
    const inputs = c.inputs.map((v, k) => (k === i ? moved : v));
    const grad = new Float32Array(base.data.length);
    for (let j = 0; j < grad.length; j++) {
      const x = base.data[j]!;
      moved.data[j] = x + step;
      const up = moved.data[j]!;
      const lossUp = await lossAt(c, inputs);
      moved.data[j] = x - step;
      const down = moved.data[j]!;
      const lossDown = await lossAt(c, inputs);
      moved.data[j] = x;
      grad[j] = (lossUp - lossDown) / (up - down);
    }
    result.push({ dtype: 'float32', shape: base.shape, data: grad });
  }
  return result;
}

function checkCase(c: GradientCase): void {
  const def = getOpDef(c.op);
  if (c.upstream.length !== def.outputs.length) {
    throw new CnnkitError('INVALID_ARGUMENT', `gradient case ${c.id}: ${c.upstream.length} upstream values for ${def.outputs.length} outputs of ${c.op}; expected one each (null to leave one out)`);
  }
  for (const i of c.wrt) {
    const v = c.inputs[i];
    if (!v || v.dtype !== 'float32') throw new CnnkitError('INVALID_ARGUMENT', `gradient case ${c.id}: wrt names input ${i}, which is ${v ? v.dtype : 'missing'}; expected a float32 input`);
  }
  if (c.source === 'pytorch' && c.expected?.length !== c.wrt.length) {
    throw new CnnkitError('INVALID_ARGUMENT', `gradient case ${c.id}: a PyTorch case needs one expected gradient per wrt input`);
  }
}

/** The name of input i in messages: the op's input name (concat's are numbered). */
function inputName(c: GradientCase, i: number): string {
  const specs = getOpDef(c.op).inputs;
  const spec = specs[Math.min(i, specs.length - 1)]!;
  return spec.variadic ? `${spec.name}_${i}` : spec.name;
}

/**
 * Runs one gradient case on an eager backend: autograd's gradients of L with respect to the wrt
 * inputs, compared with PyTorch's or with finite differences computed on the same backend.
 */
export async function runGradientCase(backend: Backend, c: GradientCase, tolerance: Partial<Tolerance> = {}): Promise<CaseResult> {
  const started = performance.now();
  const done = (status: CaseStatus, reason?: string): CaseResult => ({
    id: c.id, op: c.op, level: c.level, status, ms: performance.now() - started, ...(reason ? { reason } : {}),
  });
  try {
    checkCase(c);
    setBackend(backend);
    const actual = await autogradGradients(c);
    const expected = c.expected ?? (await finiteDifferences(c));
    const tol = effectiveTolerance(c.tolerance, tolerance);
    const problems: string[] = [];
    c.wrt.forEach((input, n) => {
      const name = `d${inputName(c, input)}`;
      const a = actual[n];
      if (!a) {
        problems.push(`no gradient reached input ${input} ('${inputName(c, input)}')`);
        return;
      }
      const msg = compareTensors(name, a, expected[n]!, tol);
      if (msg) problems.push(c.source === 'finite-difference' ? `${msg} (against finite differences)` : `${msg} (against PyTorch)`);
    });
    return problems.length ? done('failed', problems.join('; ')) : done('passed');
  } catch (error) {
    const e = error as Error;
    const code = (e as { code?: string }).code;
    return done('failed', `threw ${e.name}${code ? ` [${code}]` : ''}: ${e.message}`);
  }
}
