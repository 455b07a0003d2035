// Hand-built ONNX models for the importer's unit tests, through the codec's builders and
// encodeModel, so each test also reads real ModelProto bytes.
import { createBackend } from '@cnnkit/backend-cpu';
import { Tensor, type TensorValue, type ValidatedGraph } from '@cnnkit/core';
import { DATA_TYPE, attr, encodeModel, makeGraph, makeModel, makeNode, makeOpset, makeTensor, makeValueInfo } from '../../src/proto';
import type { NodeProto, TensorProto } from '../../src/proto';
import { type ImportOnnxOptions, importOnnx } from '../../src/import';

export { DATA_TYPE, attr, makeNode };

export const FLOAT = DATA_TYPE.FLOAT;
export const INT64 = DATA_TYPE.INT64;

export function floats(name: string, dims: readonly number[], values: readonly number[]): TensorProto {
  return makeTensor({ name, dims: [...dims], dataType: FLOAT, floatData: Float32Array.from(values) });
}

export function int64s(name: string, dims: readonly number[], values: readonly number[]): TensorProto {
  return makeTensor({ name, dims: [...dims], dataType: INT64, int64Data: [...values] });
}

export interface ModelSpec {
  readonly nodes: readonly NodeProto[];
  /** [name, elem type, shape] */
  readonly inputs: readonly (readonly [string, number, readonly (number | string)[] | undefined])[];
  readonly outputs: readonly string[];
  readonly initializers?: readonly TensorProto[];
  readonly opset?: number;
  readonly name?: string;
}

export function onnxBytes(spec: ModelSpec): Uint8Array {
  const graph = makeGraph({
    name: spec.name ?? 'test',
    node: [...spec.nodes],
    input: spec.inputs.map(([n, t, s]) => makeValueInfo(n, t, s)),
    output: spec.outputs.map((n) => makeValueInfo(n, FLOAT)),
    initializer: [...(spec.initializers ?? [])],
  });
  return encodeModel(makeModel(graph, { opsetImport: [makeOpset(spec.opset ?? 17)] }));
}

export function importSpec(spec: ModelSpec, options: ImportOnnxOptions = {}): ValidatedGraph {
  return importOnnx(onnxBytes(spec), { source: 'test.onnx', ...options });
}

type Feed = TensorValue | { readonly shape: readonly number[]; readonly data: readonly number[]; readonly dtype?: 'float32' | 'int32' };

/** Runs the graph on the cpu backend; outputs as { shape, data: plain numbers }. */
export async function runCpu(graph: ValidatedGraph, feeds: Readonly<Record<string, Feed>>): Promise<Record<string, { shape: readonly number[]; data: number[] }>> {
  const exe = await createBackend().compile(graph);
  const tensors = Object.fromEntries(Object.entries(feeds).map(([k, f]) => [k, Tensor.from(Array.from(f.data), f.shape, f.dtype ?? 'float32')]));
  const out = await exe.run(tensors);
  const result: Record<string, { shape: readonly number[]; data: number[] }> = {};
  for (const [k, t] of Object.entries(out)) result[k] = { shape: t.shape, data: Array.from(await t.data()) };
  exe.dispose();
  return result;
}

/** One node reading graph input 'x' (float, the given shape) and writing output 'y'. */
export function oneNode(opType: string, shape: readonly (number | string)[], options: { attrs?: ReturnType<typeof attr.int>[]; extraInputs?: readonly string[]; initializers?: readonly TensorProto[]; opset?: number; outputs?: readonly string[] } = {}): ModelSpec {
  const outputs = options.outputs ?? ['y'];
  return {
    nodes: [makeNode(opType, ['x', ...(options.extraInputs ?? [])], outputs, { name: `${opType.toLowerCase()}_node`, attribute: options.attrs ?? [] })],
    inputs: [['x', FLOAT, shape]],
    outputs: [outputs[0]!],
    initializers: options.initializers ?? [],
    opset: options.opset ?? 17,
  };
}
