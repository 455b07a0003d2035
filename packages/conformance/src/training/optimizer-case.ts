import {
  type AdamOptions, type Backend, type HyperValue, type OpType, type SgdOptions, type TensorValue, Adam, AdamW, CnnkitError, Parameter, SGD, engine, tidy,
} from '@cnnkit/core';
import { type JsonTensor, type Tolerance, tensorFromJson } from '../case';
import type { CaseOutcome } from '../case-outcome';
import { compareTensors } from '../compare';
import { withEagerBackend } from './eager-backend';

export type OptimizerName = 'SGD' | 'Adam' | 'AdamW';
export type OptimizerSubject = 'optimizer:sgd' | 'optimizer:adam' | 'optimizer:adamw';

/**
 * A few optimizer steps as data: parameters, the gradient of each parameter at each step (null:
 * no gradient, the parameter is skipped), and the parameters PyTorch holds after each step.
 */
export interface OptimizerCase {
  readonly id: string;
  readonly level: 'training';
  readonly kind: 'optimizer';
  readonly subject: OptimizerSubject;
  readonly source: 'pytorch';
  readonly description: string;
  readonly optimizer: OptimizerName;
  /** core's option names (lr, momentum, dampening, weightDecay, nesterov, betas, eps, amsgrad). */
  readonly options: Readonly<Record<string, HyperValue>>;
  /** The kernels the update runs: a backend lacking one skips the case. */
  readonly ops: readonly OpType[];
  readonly params: readonly TensorValue[];
  /** grads[step][param]. */
  readonly grads: readonly (readonly (TensorValue | null)[])[];
  /** expected[step][param]: every parameter after that step. */
  readonly expected: readonly (readonly TensorValue[])[];
  readonly tolerance: Tolerance;
}

/** torch's float32 updates reach the same values by a different rounding order (fused multiply-adds). */
export const OPTIMIZER_TOLERANCE: Tolerance = { rtol: 1e-5, atol: 1e-6 };

/** A fixture file written by scripts/goldens/optimizers.py. */
export interface OptimizerGoldenFile {
  readonly generator: string;
  readonly torch: string;
  readonly cases: readonly {
    readonly name: string;
    readonly description: string;
    readonly optimizer: string;
    readonly options: Readonly<Record<string, HyperValue | readonly number[]>>;
    readonly params: readonly JsonTensor[];
    readonly grads: readonly (readonly (JsonTensor | null)[])[];
    readonly expected: readonly (readonly JsonTensor[])[];
  }[];
}

/** SGD adds, scales and subtracts; Adam also divides by a square root, and amsgrad stacks and takes a max. */
function opsOf(optimizer: OptimizerName, options: Readonly<Record<string, HyperValue>>): OpType[] {
  if (optimizer === 'SGD') return ['add', 'mul', 'sub'];
  const ops: OpType[] = ['add', 'mul', 'sub', 'div', 'sqrt'];
  return options.amsgrad === true ? [...ops, 'reshape', 'concat', 'reduceMax'] : ops;
}

const SUBJECTS: Readonly<Record<OptimizerName, OptimizerSubject>> = { SGD: 'optimizer:sgd', Adam: 'optimizer:adam', AdamW: 'optimizer:adamw' };

function optimizerName(name: string, where: string): OptimizerName {
  if (name === 'SGD' || name === 'Adam' || name === 'AdamW') return name;
  throw new CnnkitError('INVALID_ARGUMENT', `${where}: optimizer '${name}' is not known; expected SGD, Adam or AdamW`);
}

/** The cases of the optimizer golden file, ids `optimizer:<name>/pytorch/<case>`. */
export function optimizerGoldens(file: OptimizerGoldenFile): OptimizerCase[] {
  return file.cases.map((c) => {
    const where = `optimizer golden ${c.optimizer}/${c.name} (${file.generator})`;
    const optimizer = optimizerName(c.optimizer, where);
    const subject = SUBJECTS[optimizer];
    const options: Record<string, HyperValue> = {};
    for (const [k, v] of Object.entries(c.options)) options[k] = Array.isArray(v) ? [v[0]!, v[1]!] : (v as HyperValue);
    return {
      id: `${subject}/pytorch/${c.name}`,
      level: 'training',
      kind: 'optimizer',
      subject,
      source: 'pytorch',
      description: `${optimizer}: ${c.description} (PyTorch ${file.torch})`,
      optimizer,
      options,
      ops: opsOf(optimizer, options),
      params: c.params.map((p, i) => tensorFromJson(p, `${where} param ${i}`)),
      grads: c.grads.map((step, s) => step.map((g, i) => (g ? tensorFromJson(g, `${where} step ${s} grad ${i}`) : null))),
      expected: c.expected.map((step, s) => step.map((p, i) => tensorFromJson(p, `${where} step ${s} param ${i}`))),
      tolerance: OPTIMIZER_TOLERANCE,
    };
  });
}

type Options = Readonly<Record<string, HyperValue>>;

const CONSTRUCTORS: Readonly<Record<OptimizerName, (params: Parameter[], options: Options) => { step(): void; dispose(): void }>> = {
  SGD: (params, options) => new SGD(params, options as unknown as Partial<SgdOptions>),
  Adam: (params, options) => new Adam(params, options as unknown as Partial<AdamOptions>),
  AdamW: (params, options) => new AdamW(params, options as unknown as Partial<AdamOptions>),
};

const copyOf = (v: TensorValue): TensorValue => ({ dtype: v.dtype, shape: v.shape, data: v.data.slice() });

/**
 * Runs the case's steps with core's optimizer on an eager backend: each step sets every
 * parameter's gradient from the case, calls step(), and compares every parameter with
 * PyTorch's values after that step.
 */
export async function runOptimizerCase(backend: Backend, c: OptimizerCase, tolerance: Partial<Tolerance> = {}): Promise<CaseOutcome> {
  const tol: Tolerance = { rtol: Math.max(c.tolerance.rtol, tolerance.rtol ?? 0), atol: Math.max(c.tolerance.atol, tolerance.atol ?? 0) };
  return withEagerBackend(backend, async () => {
    const params = tidy(() => c.params.map((v) => new Parameter(engine.upload(copyOf(v)))));
    let optimizer: { dispose(): void } | undefined;
    try {
      const opt = CONSTRUCTORS[c.optimizer](params, c.options);
      optimizer = opt;
      for (let step = 0; step < c.expected.length; step++) {
        params.forEach((p, i) => {
          p.zeroGrad();
          const g = c.grads[step]?.[i];
          if (g) p.grad = engine.keep(tidy(() => engine.upload(copyOf(g))));
        });
        opt.step();
        for (let i = 0; i < params.length; i++) {
          const actual = await params[i]!.value.toValue();
          const msg = compareTensors(`param ${i} after step ${step + 1}`, actual, c.expected[step]![i]!, tol);
          if (msg) return { status: 'failed', reason: msg };
        }
      }
      return { status: 'passed' };
    } catch (error) {
      const e = error as Error;
      const code = (e as { code?: string }).code;
      return { status: 'failed', reason: `threw ${e.name}${code ? ` [${code}]` : ''}: ${e.message}` };
    } finally {
      optimizer?.dispose();
      for (const p of params) {
        p.zeroGrad();
        p.value.dispose();
      }
    }
  });
}
