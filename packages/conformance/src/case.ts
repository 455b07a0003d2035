import { type AnyGraphNode, type DType, type Graph, type OpType, type TensorValue, CnnkitError, getOpDef, toTypedArray } from '@cnnkit/core';

export interface Tolerance {
  /** |actual - expected| <= atol + rtol * |expected|, elementwise; NaN matches NaN. */
  readonly rtol: number;
  readonly atol: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-5, atol: 1e-6 };

export type CaseLevel = 'op' | 'model' | 'training';

/** Where the expected values came from: worked by hand, or computed by PyTorch (a committed script). */
export type CaseSource = 'hand' | 'pytorch';

/**
 * One conformance case, as data: a small graph, its inputs, the expected outputs and how close
 * a backend must come. Any backend that compiles graphs can run it.
 */
export interface ConformanceCase {
  readonly id: string;
  readonly op: OpType;
  readonly level: CaseLevel;
  readonly source: CaseSource;
  readonly description: string;
  readonly graph: Graph;
  readonly inputs: Readonly<Record<string, TensorValue>>;
  readonly expected: Readonly<Record<string, TensorValue>>;
  readonly tolerance: Tolerance;
  /**
   * For outputs that cannot be compared elementwise (dropout's random mask): returns a failure
   * message, or undefined when the outputs are right. `expected` is then only used for shapes.
   */
  readonly check?: (outputs: Readonly<Record<string, TensorValue>>) => string | undefined;
}

/** JSON can't hold NaN or infinities, so fixtures spell them as strings. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export interface JsonTensor {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: readonly JsonNumber[];
}

export function fromJsonNumber(v: JsonNumber): number {
  return typeof v === 'number' ? v : v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : -Infinity;
}

export function tensorFromJson(t: JsonTensor, where: string): TensorValue {
  const size = t.shape.reduce((a, b) => a * b, 1);
  if (t.data.length !== size) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: fixture tensor has ${t.data.length} values; expected ${size} for shape [${t.shape.join(', ')}]`);
  }
  return { dtype: t.dtype, shape: [...t.shape], data: toTypedArray(t.dtype, t.data.map(fromJsonNumber), where) };
}

/** Shorthand for hand-worked tensors: t([1, 2, 3, 4], [2, 2]). */
export function t(data: readonly number[], shape: readonly number[], dtype: DType = 'float32'): TensorValue {
  return tensorFromJson({ dtype, shape, data }, `tensor [${shape.join(', ')}]`);
}

export interface OpCaseSpec<K extends OpType> {
  readonly id: string;
  readonly op: K;
  readonly source?: CaseSource;
  readonly description: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  /** In the order of the op's inputs (x, weight, bias, ...); named after the op's input spec. */
  readonly inputs: readonly TensorValue[];
  /** One tensor per op output. */
  readonly expected: TensorValue | readonly TensorValue[];
  readonly tolerance?: Partial<Tolerance>;
  readonly check?: ConformanceCase['check'];
}

/** A single-node case: every input is a graph input fed at run time. */
export function opCase<K extends OpType>(spec: OpCaseSpec<K>): ConformanceCase {
  const def = getOpDef(spec.op);
  const last = def.inputs[def.inputs.length - 1]!;
  const inputName = (i: number): string => {
    const s = def.inputs[Math.min(i, def.inputs.length - 1)]!;
    return s.variadic || (i >= def.inputs.length - 1 && last.variadic) ? `${s.name}_${i}` : s.name;
  };
  const inputs: Record<string, TensorValue> = {};
  spec.inputs.forEach((v, i) => {
    inputs[inputName(i)] = v;
  });
  const expectedList = Array.isArray(spec.expected) ? (spec.expected as readonly TensorValue[]) : [spec.expected as TensorValue];
  const outputNames = def.outputs.map((o) => `${o}`);
  const expected: Record<string, TensorValue> = {};
  expectedList.forEach((v, i) => {
    expected[outputNames[i] ?? `out_${i}`] = v;
  });
  const graph: Graph = {
    name: spec.id,
    inputs: Object.entries(inputs).map(([name, v]) => ({ name, dtype: v.dtype, shape: v.shape })),
    outputs: Object.keys(expected),
    initializers: {},
    nodes: [{ name: spec.op, op: spec.op, inputs: Object.keys(inputs), outputs: Object.keys(expected), attrs: spec.attrs ?? {} } as AnyGraphNode],
  };
  return {
    id: spec.id,
    op: spec.op,
    level: 'op',
    source: spec.source ?? 'hand',
    description: spec.description,
    graph,
    inputs,
    expected,
    tolerance: { ...DEFAULT_TOLERANCE, ...spec.tolerance },
    ...(spec.check ? { check: spec.check } : {}),
  };
}

/** One case of a golden file, as scripts/goldens/common.py's case() writes it. */
export interface GoldenCaseEntry {
  readonly name: string;
  readonly description: string;
  readonly attrs: Readonly<Record<string, unknown>>;
  readonly inputs: readonly JsonTensor[];
  readonly expected: readonly JsonTensor[];
  readonly tolerance?: Partial<Tolerance>;
}

/**
 * A fixture file written by scripts/goldens/<op>.py (common.py's write()); gradient goldens
 * share the header and extend each case (training/gradient-case.ts).
 */
export interface GoldenFile<C extends GoldenCaseEntry = GoldenCaseEntry> {
  readonly generator: string;
  readonly torch: string;
  readonly op: OpType;
  readonly cases: readonly C[];
}

/** The cases of a PyTorch golden file, ids `<op>/pytorch/<name>`. */
export function goldenCases(file: GoldenFile): ConformanceCase[] {
  return file.cases.map((c) => {
    const where = `golden ${file.op}/${c.name} (${file.generator})`;
    return opCase({
      id: `${file.op}/pytorch/${c.name}`,
      op: file.op,
      source: 'pytorch',
      description: `${c.description} (PyTorch ${file.torch})`,
      attrs: c.attrs,
      inputs: c.inputs.map((x, i) => tensorFromJson(x, `${where} input ${i}`)),
      expected: c.expected.map((x, i) => tensorFromJson(x, `${where} expected ${i}`)),
      ...(c.tolerance ? { tolerance: c.tolerance } : {}),
    });
  });
}
