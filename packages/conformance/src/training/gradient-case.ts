import { type AttrsInput, type OpType, type TensorValue, CnnkitError, Rng, allocate, getOpDef, isStaticShape, sizeOf } from '@cnnkit/core';
import { type GoldenCaseEntry, type GoldenFile, type JsonTensor, type Tolerance, tensorFromJson } from '../case';

/** Where a gradient case's truth comes from: PyTorch's autograd (a committed script), or central finite differences at run time. */
export type GradientSource = 'pytorch' | 'finite-difference';

/**
 * One op's gradient, as data. The scalar differentiated is L = Σ_k Σ(output_k * upstream_k)
 * over the outputs with an upstream (null = that output is not part of L), so upstream_k is
 * the gradient arriving at output k. `expected` (PyTorch cases) holds dL/d inputs[wrt[i]];
 * finite-difference cases compute it at run time by re-running the forward op.
 */
export interface GradientCase {
  readonly id: string;
  readonly op: OpType;
  readonly level: 'training';
  readonly kind: 'gradient';
  readonly source: GradientSource;
  readonly description: string;
  readonly attrs: Readonly<Record<string, unknown>>;
  /** In the op's input order. */
  readonly inputs: readonly TensorValue[];
  /** Indices into inputs of those differentiated (float32 only). */
  readonly wrt: readonly number[];
  /** One per op output. */
  readonly upstream: readonly (TensorValue | null)[];
  /** One per wrt entry; present for PyTorch cases. */
  readonly expected?: readonly TensorValue[];
  readonly tolerance: Tolerance;
  /** Finite-difference step (each wrt value moves by ±step, rounded to float32). */
  readonly step?: number;
}

/** float32 central differences at step 1e-2 are good to about 1e-3 relative on smooth ops of size ~1. */
export const FINITE_DIFFERENCE_TOLERANCE: Tolerance = { rtol: 2e-2, atol: 1e-3 };
export const FINITE_DIFFERENCE_STEP = 1e-2;
/** PyTorch's float32 gradients, reached by a different summation order. */
export const PYTORCH_GRADIENT_TOLERANCE: Tolerance = { rtol: 1e-4, atol: 1e-5 };

export interface FiniteDifferenceCaseSpec<K extends OpType> {
  /** The id is `<op>/grad/fd/<name>`. */
  readonly name: string;
  readonly op: K;
  readonly description: string;
  readonly attrs?: AttrsInput<K>;
  readonly inputs: readonly TensorValue[];
  /** Defaults to every float32 input. */
  readonly wrt?: readonly number[];
  /**
   * Defaults to seeded uniform values in [-1, 1) for every output (not all ones: softmax's
   * gradient of Σ y is zero, which would prove nothing). Give null for outputs left out of L.
   */
  readonly upstream?: readonly (TensorValue | null)[];
  readonly tolerance?: Partial<Tolerance>;
  readonly step?: number;
}

/** Uniform values in [lo, hi) from a seeded generator. */
export function uniformValues(shape: readonly number[], seed: number, lo = -1, hi = 1): TensorValue {
  const rng = new Rng(seed);
  const data = allocate('float32', sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform(lo, hi);
  return { dtype: 'float32', shape: [...shape], data };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The shapes of an op's outputs for given inputs, by the op set's own inference. */
function outputShapes<K extends OpType>(op: K, inputs: readonly TensorValue[], attrs: AttrsInput<K>, where: string): number[][] {
  const def = getOpDef(op);
  const normalized = def.normalize(attrs as Readonly<Record<string, unknown>>, where);
  return def.infer(inputs.map((v) => ({ dtype: v.dtype, shape: v.shape })), normalized, where).map((o) => {
    if (!isStaticShape(o.shape)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: output shape is not static`);
    return [...o.shape];
  });
}

/** A gradient case checked against central finite differences of the op itself. */
export function finiteDifferenceCase<K extends OpType>(spec: FiniteDifferenceCaseSpec<K>): GradientCase {
  const id = `${spec.op}/grad/fd/${spec.name}`;
  const attrs = (spec.attrs ?? {}) as AttrsInput<K>;
  const upstream = spec.upstream ?? outputShapes(spec.op, spec.inputs, attrs, id).map((shape, k) => uniformValues(shape, seedOf(`${id}#${k}`)));
  return {
    id,
    op: spec.op,
    level: 'training',
    kind: 'gradient',
    source: 'finite-difference',
    description: spec.description,
    attrs: attrs as Readonly<Record<string, unknown>>,
    inputs: spec.inputs,
    wrt: spec.wrt ?? spec.inputs.flatMap((v, i) => (v.dtype === 'float32' ? [i] : [])),
    upstream,
    tolerance: { ...FINITE_DIFFERENCE_TOLERANCE, ...spec.tolerance },
    step: spec.step ?? FINITE_DIFFERENCE_STEP,
  };
}

/** One case of a gradient golden, as scripts/goldens/grad_common.py's grad_case() writes it. */
export interface GradientGoldenEntry extends GoldenCaseEntry {
  readonly wrt: readonly number[];
  readonly upstream: readonly (JsonTensor | null)[];
}

/** A fixture file written by scripts/goldens/grad_<op>.py. */
export type GradientGoldenFile = GoldenFile<GradientGoldenEntry>;

/** The cases of a PyTorch gradient golden file, ids `<op>/grad/pytorch/<name>`. */
export function gradientGoldens(file: GradientGoldenFile): GradientCase[] {
  return file.cases.map((c) => {
    const where = `gradient golden ${file.op}/${c.name} (${file.generator})`;
    if (c.expected.length !== c.wrt.length) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${c.expected.length} expected gradients for ${c.wrt.length} wrt inputs; expected one each`);
    }
    return {
      id: `${file.op}/grad/pytorch/${c.name}`,
      op: file.op,
      level: 'training',
      kind: 'gradient',
      source: 'pytorch',
      description: `${c.description} (PyTorch ${file.torch} autograd)`,
      attrs: c.attrs,
      inputs: c.inputs.map((x, i) => tensorFromJson(x, `${where} input ${i}`)),
      wrt: [...c.wrt],
      upstream: c.upstream.map((u, k) => (u ? tensorFromJson(u, `${where} upstream ${k}`) : null)),
      expected: c.expected.map((x, i) => tensorFromJson(x, `${where} expected ${i}`)),
      tolerance: { ...PYTORCH_GRADIENT_TOLERANCE, ...c.tolerance },
    };
  });
}
