import { CnnkitError, type ValidatedGraph } from '@cnnkit/core';
import { decodeModel } from '../proto/decode';
import type { GraphProto, ModelProto, NodeProto } from '../proto/types';
import { finalizeGraph } from './finalize';
import { inputInfo } from './graph-io';
import { hostFromTensorProto } from './host-tensor';
import { ImportState } from './import-state';
import { NodeContext } from './node-context';
import { converterFor, isDefaultDomain } from './registry';
import { constant } from './values';

export interface ImportOnnxOptions {
  /** Names the model in every error and note (a file path, say); default 'ONNX model'. */
  readonly source?: string;
  /** Hears what the import changed on the way: float64 initializers narrowed to float32, int64 inputs taken as int32. */
  readonly onNote?: (message: string) => void;
}

/** The default-domain opsets whose semantics the converters follow. */
export const MIN_OPSET = 7;
export const MAX_OPSET = 21;

/**
 * An ONNX model (ModelProto bytes) as a validated core graph: its weights become initializers
 * (under their ONNX names, e.g. 'conv1.weight'), its ops become core ops, and what exporters
 * write around them (Constant, Identity, Dropout, Shape -> Gather -> Concat -> Reshape, zero Pads)
 * folds away. Symbolic dims (dim_param) stay symbolic.
 *
 * Every op cnnkit cannot import is listed in ONE CnnkitError (code UNSUPPORTED_OP) with its node
 * name, op_type and domain, before anything is converted.
 */
export function importOnnx(bytes: Uint8Array, options: ImportOnnxOptions = {}): ValidatedGraph {
  const source = options.source ?? 'ONNX model';
  const note = options.onNote ?? (() => {});
  const model = readModel(bytes, source);
  const graph = model.graph!;
  const opset = defaultOpset(model, source);
  checkSupported(graph.node, source);

  const reserved = new Set<string>();
  for (const v of [...graph.input, ...graph.output, ...graph.initializer]) reserved.add(v.name);
  for (const node of graph.node) for (const name of [...node.input, ...node.output]) if (name) reserved.add(name);
  const state = new ImportState(source, opset, reserved, note);

  for (const t of graph.initializer) {
    const where = `${source}: initializer`; // the codec adds " tensor '<name>'"
    if (!t.name) throw new CnnkitError('IO', `${source}: an initializer has no name; expected every initializer named`);
    state.values.set(t.name, constant(hostFromTensorProto(t, where, note), t.name));
  }
  for (const v of graph.input) {
    // Before IR 4 initializers were listed as inputs too; they stay constants.
    if (state.values.has(v.name)) continue;
    state.values.set(v.name, state.addInput(inputInfo(v, `${source}: graph input '${v.name}'`, note)));
  }
  for (const { node, index } of topologicalOrder(graph, state, source)) {
    const ctx = new NodeContext(state, node, index);
    converterFor(node.domain, node.opType)!(ctx);
    node.output.forEach((name, i) => {
      if (name && !state.values.has(name)) throw ctx.error('INVALID_GRAPH', `output ${i} '${name}' was not defined by the importer (a bug in cnnkit's ${node.opType} converter)`);
    });
  }
  return finalizeGraph(state, graph.name || source, graph.output);
}

function readModel(bytes: Uint8Array, source: string): ModelProto {
  if (!(bytes instanceof Uint8Array)) {
    throw new CnnkitError('INVALID_ARGUMENT', `importOnnx(${source}): given ${bytes === null ? 'null' : typeof bytes}; expected the model's bytes as a Uint8Array (e.g. await readFile(path))`);
  }
  if (bytes.length === 0) throw new CnnkitError('IO', `${source}: is empty (0 bytes); expected an ONNX model (ModelProto)`);
  let model: ModelProto;
  try {
    model = decodeModel(bytes, source);
  } catch (e) {
    if (e instanceof CnnkitError) {
      throw new CnnkitError('IO', `${e.message} — ${source} is truncated or not an ONNX model`, { ...e.details, source }, { cause: e });
    }
    throw e;
  }
  if (!model.graph || model.irVersion < 3) {
    const what = !model.graph ? 'has no graph' : `has IR version ${model.irVersion}`;
    throw new CnnkitError('IO', `${source}: ${what}; expected an ONNX ModelProto with a graph and IR version >= 3 (${bytes.length} bytes read: truncated, or not an ONNX model?)`, { source });
  }
  return model;
}

function defaultOpset(model: ModelProto, source: string): number {
  const entry = model.opsetImport.find((o) => isDefaultDomain(o.domain));
  if (!entry) throw new CnnkitError('UNSUPPORTED_OP', `${source}: imports no version of the default ONNX domain (opset_import has ${model.opsetImport.map((o) => `'${o.domain}' ${o.version}`).join(', ') || 'nothing'}); expected opset ${MIN_OPSET}..${MAX_OPSET}`);
  if (entry.version < MIN_OPSET || entry.version > MAX_OPSET) {
    throw new CnnkitError('UNSUPPORTED_OP', `${source}: uses ONNX opset ${entry.version}; expected opset ${MIN_OPSET}..${MAX_OPSET} (onnx.version_converter.convert_version(model, 17) converts between them)`, { opset: entry.version });
  }
  return entry.version;
}

/** Every node cnnkit has no converter for, in ONE error. */
function checkSupported(nodes: readonly NodeProto[], source: string): void {
  const unsupported = nodes
    .map((node, index) => ({ node, index }))
    .filter(({ node }) => !converterFor(node.domain, node.opType));
  if (unsupported.length === 0) return;
  const list = unsupported.map(({ node, index }) => ({ name: node.name || `#${index}`, opType: node.opType, domain: node.domain || 'ai.onnx' }));
  const lines = list.map((u) => `  - ${u.opType} (domain '${u.domain}') in node '${u.name}'`).join('\n');
  const types = [...new Set(list.map((u) => (u.domain === 'ai.onnx' ? u.opType : `${u.domain}::${u.opType}`)))];
  throw new CnnkitError('UNSUPPORTED_OP', `${source}: cnnkit cannot import ${list.length} node(s) (op types ${types.join(', ')}):\n${lines}`, { source, unsupported: list });
}

/** The nodes in an order where every input is defined first (ONNX requires it; some writers do not). */
function topologicalOrder(graph: GraphProto, state: ImportState, source: string): { node: NodeProto; index: number }[] {
  const available = new Set(state.values.keys());
  const waiting = new Map<string, number[]>();
  const missing = graph.node.map((node, index) => {
    const needs = new Set(node.input.filter((i) => i && !available.has(i)));
    for (const name of needs) waiting.set(name, [...(waiting.get(name) ?? []), index]);
    return needs.size;
  });
  const ready = graph.node.map((_, i) => i).filter((i) => missing[i] === 0);
  const order: { node: NodeProto; index: number }[] = [];
  // Take ready nodes in file order so names and messages follow the file.
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const index = ready.shift()!;
    const node = graph.node[index]!;
    order.push({ node, index });
    for (const out of node.output) {
      if (!out || available.has(out)) continue;
      available.add(out);
      for (const k of waiting.get(out) ?? []) if (--missing[k]! === 0) ready.push(k);
    }
  }
  if (order.length < graph.node.length) {
    const stuck = graph.node.find((_, i) => missing[i]! > 0)!;
    const undefinedInputs = stuck.input.filter((i) => i && !available.has(i));
    throw new CnnkitError('INVALID_GRAPH', `${source}: ${stuck.opType} node '${stuck.name}' reads ${undefinedInputs.map((u) => `'${u}'`).join(', ')}, which no graph input, initializer or node defines (or the nodes form a cycle)`, { node: stuck.name });
  }
  return order;
}
