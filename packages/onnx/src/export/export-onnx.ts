import { CnnkitError, type Dim, type Graph, type OpType, type TensorType, foldBatchNorm, nodeWhere, validateGraph } from '@cnnkit/core';
import { makeGraph, makeModel, makeOpset } from '../proto/builders';
import { IR_VERSION } from '../proto/enums';
import { encodeModel } from '../proto/encode';
import { tensorToProto } from '../proto/tensor-value';
import type { ModelProto, TensorShapeDimension, ValueInfoProto } from '../proto/types';
import { ExportContext, ONNX_DTYPE } from './context';
import type { Converter } from './converters/converter';
import { CONVERTERS } from './converters';

export interface ExportOnnxOptions {
  /** The default-domain opset written; only 17 for now. */
  readonly opset?: 17;
  /** ModelProto.producer_name (default 'cnnkit'). */
  readonly producerName?: string;
  /** The ONNX graph's name (default: the cnnkit graph's name). */
  readonly modelName?: string;
  /**
   * Fold each batchNorm that follows a convolution into the convolution's weight and bias (see
   * foldBatchNorm), as torch.onnx.export does in eval mode: fewer nodes for a runtime to run,
   * equal to float32 rounding. Default false: the exported graph keeps cnnkit's nodes and
   * state-dict names one for one (what a round trip or an inspection expects).
   */
  readonly foldBatchNorm?: boolean;
}

export const EXPORT_OPSET = 17;

/**
 * A cnnkit graph as ONNX ModelProto bytes: IR version 8, opset 17, initializers as raw_data,
 * symbolic dimensions as dim_param. Graph inputs, outputs, initializers and nodes keep their
 * cnnkit names (state-dict keys stay state-dict keys); every node output carries its inferred
 * type as value_info. Only forward ops export: a graph with training-only ops is refused, all of
 * them named in one error.
 */
export function exportOnnx(graph: Graph, options: ExportOnnxOptions = {}): Uint8Array {
  return encodeModel(exportModelProto(graph, options));
}

/** The ModelProto exportOnnx encodes, for callers that want to inspect or amend it. */
export function exportModelProto(graph: Graph, options: ExportOnnxOptions = {}): ModelProto {
  const opset = options.opset ?? EXPORT_OPSET;
  if (opset !== EXPORT_OPSET) {
    throw new CnnkitError('INVALID_ARGUMENT', `exportOnnx: opset ${String(opset)} was asked for; expected ${EXPORT_OPSET} (the only opset cnnkit writes)`, { opset });
  }
  const validated = options.foldBatchNorm === true ? validateGraph(foldBatchNorm(validateGraph(graph)).graph) : validateGraph(graph);
  const converters = CONVERTERS as unknown as Partial<Record<OpType, Converter<OpType>>>;
  const refused = validated.nodes.filter((n) => converters[n.op] === undefined);
  if (refused.length > 0) {
    throw new CnnkitError('UNSUPPORTED_OP', `exportOnnx: graph '${validated.name}' has training-only ops that ONNX export does not cover: ${refused.map((n) => nodeWhere(validated, n)).join('; ')}; expected an inference graph of forward ops (trace the model in eval mode)`, { nodes: refused.map((n) => n.name) });
  }
  const duplicated = validated.outputs.filter((o, i) => validated.outputs.indexOf(o) !== i);
  if (duplicated.length > 0) {
    throw new CnnkitError('INVALID_GRAPH', `exportOnnx: graph '${validated.name}' lists output(s) ${[...new Set(duplicated)].map((o) => `'${o}'`).join(', ')} more than once; expected each ONNX graph output once`);
  }

  const ctx = new ExportContext(validated);
  for (const node of validated.nodes) {
    ctx.begin(node);
    converters[node.op]!(node, ctx);
  }

  // Symbols named by the graph inputs are the model's dim_params; a symbolic size derived inside
  // the graph ('N*3') is written as an unknown dimension rather than as a new parameter.
  const symbols = new Set(validated.inputs.flatMap((i) => i.shape.filter((d): d is string => typeof d === 'string')));
  const valueInfo = (name: string, type: TensorType): ValueInfoProto => ({
    name,
    docString: '',
    type: { denotation: '', tensorType: { elemType: ONNX_DTYPE[type.dtype], shape: { dim: type.shape.map((d) => dimension(d, symbols)) } } },
  });
  const outputs = new Set(validated.outputs);
  const onnxGraph = makeGraph({
    name: options.modelName ?? validated.name,
    input: validated.inputs.map((i) => valueInfo(i.name, i)),
    output: validated.outputs.map((o) => valueInfo(o, ctx.typeOf(o))),
    initializer: [...Object.entries(validated.initializers).map(([name, value]) => tensorToProto(name, value)), ...ctx.initializers],
    node: ctx.nodes,
    valueInfo: validated.nodes.flatMap((n) => n.outputs.filter((o) => !outputs.has(o)).map((o) => valueInfo(o, ctx.typeOf(o)))),
  });
  return makeModel(onnxGraph, { irVersion: IR_VERSION, opsetImport: [makeOpset(EXPORT_OPSET)], producerName: options.producerName ?? 'cnnkit' });
}

function dimension(d: Dim, symbols: ReadonlySet<string>): TensorShapeDimension {
  if (typeof d === 'number') return { dimValue: d, denotation: '' };
  return symbols.has(d) ? { dimParam: d, denotation: '' } : { denotation: '' };
}
