import { engine } from '../eager/engine';
import { CnnkitError, isCnnkitError } from '../errors';
import type { AnyGraphNode, Graph, ValidatedGraph } from '../graph/graph';
import { validateGraph } from '../graph/validate';
import type { Module } from '../nn/module';
import type { DType } from '../tensor/dtype';
import { type Dim, type StaticShape, assertValidShape, formatShape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { GraphTracer } from './graph-tracer';
import { type SymbolSizes, checkNoBakedSizes, checkTracedShapes, keepSymbolicDims } from './symbolic-dims';

export interface TraceInput {
  /** Strings are symbolic dimensions ('N' for a batch of any size). */
  readonly shape: readonly Dim[];
  readonly dtype: DType;
  /** The graph input's name (default 'input'). */
  readonly name?: string;
}

export interface TraceOptions {
  /** The graph's name (default: the model's class name). */
  readonly name?: string;
  /** The name of the graph output (default 'output'). */
  readonly outputName?: string;
  /**
   * The size each symbolic dimension takes while tracing (defaults: distinct primes near 10⁴).
   * Nothing is computed, so the size costs nothing; an unusual one lets the trace tell a size
   * copied from the input (kept symbolic) from a constant of the model.
   */
  readonly symbolSizes?: Readonly<Record<string, number>>;
  /**
   * Copy parameters and buffers into the graph (default true), so it stays as traced when the
   * model trains on or is disposed. false shares their arrays instead: no copy, for a graph used
   * while the model is left alone (counting a model's MACs, running it once); VGG-16's copy
   * alone is 553 MB.
   */
  readonly copyState?: boolean;
}

const DEFAULT_SYMBOL_SIZES = [9973, 9967, 9949, 9941, 9931, 9929, 9923, 9907];

/**
 * Traces a model into a graph by running its forward ONCE with the eager engine in tracing mode:
 * every op is recorded as a node instead of running a kernel, on placeholder tensors that have
 * shapes and dtypes but no values. Parameters and buffers become initializers named by their
 * state-dict keys ('features.0.weight', 'bn1.running_mean'); constants made inside forward
 * become initializers named after their module ('layer1.0/const_0'); nodes are named after the
 * module that ran them ('features.0/conv2d', 'layer1.0/relu_1').
 *
 * Symbolic input dimensions stay symbolic: the trace runs with a placeholder size for each, a
 * reshape or expand that copies that size is rewritten to copy the dimension (0 / 1), and any
 * other use of it baked into an attribute or a constant is an error naming the node.
 *
 * The model must be in eval mode: a train-mode trace would bake batch statistics and dropout
 * masks into the graph. Its parameters may live on an eager backend or still on the host (a
 * model built without setBackend traces as it is). A forward that reads tensor values
 * (data-dependent control flow) cannot be traced and throws, naming the value it read.
 */
export function traceModule(model: Module, input: TraceInput, options: TraceOptions = {}): ValidatedGraph {
  const graphName = options.name ?? model.constructor.name;
  const where = `traceModule('${graphName}')`;
  checkEvalMode(model, where);
  assertValidShape(input.shape, `${where} input`);
  const inputName = input.name ?? 'input';
  const sizes = symbolSizes(input.shape, options.symbolSizes, where);
  const tracedShape: StaticShape = input.shape.map((d) => (typeof d === 'string' ? sizes.get(d)! : d));

  const tracer = new GraphTracer(graphName, stateNames(model), modulePaths(model), options.copyState ?? true);
  const x = tracer.input(inputName, input.dtype, tracedShape);
  const y = runTraced(tracer, model, x, sizes, where);
  let output = tracer.nameOf(y);

  let nodes = tracer.nodes;
  const outputName = options.outputName ?? 'output';
  if (output !== inputName && !(output in tracer.initializers) && outputName !== output) {
    nodes = renameValue(nodes, output, outputName);
    tracer.tracedShapes.set(outputName, tracer.tracedShapes.get(output)!);
    output = outputName;
  }
  nodes = keepSymbolicDims(nodes, tracer.tracedShapes, sizes);
  checkNoBakedSizes(nodes, tracer.initializers, sizes, where);
  const live = liveNodes(nodes, output);

  const graph: Graph = {
    name: graphName,
    inputs: [{ name: inputName, dtype: input.dtype, shape: [...input.shape] }],
    outputs: [output],
    initializers: usedInitializers(tracer.initializers, live, output),
    nodes: live,
  };
  let validated: ValidatedGraph;
  try {
    validated = validateGraph(graph);
  } catch (error) {
    if (!isCnnkitError(error) || sizes.size === 0) throw error;
    throw new CnnkitError(error.code, `${where}: the traced graph does not validate with the symbolic input shape ${formatShape(input.shape)}: ${error.message}`, error.details, { cause: error });
  }
  checkTracedShapes(validated, tracer.tracedShapes, sizes, where);
  return validated;
}

/** Runs forward under the tracer; an error from inside it says that the sizes it shows include tracing placeholders. */
function runTraced(tracer: GraphTracer, model: Module, x: Tensor, sizes: SymbolSizes, where: string): Tensor {
  try {
    return engine.withTracer(tracer, () => model.call(x));
  } catch (error) {
    if (!isCnnkitError(error) || error.message.startsWith(where)) throw error;
    const tracedAs = sizes.size ? ` (traced with ${[...sizes].map(([s, n]) => `${s} = ${n}`).join(', ')})` : '';
    throw new CnnkitError(error.code, `${where}${tracedAs}: ${error.message}`, error.details, { cause: error });
  }
}

function checkEvalMode(model: Module, where: string): void {
  const training = model.namedModules().filter(([, m]) => m.training);
  if (training.length === 0) return;
  const listed = training.slice(0, 5).map(([path, m]) => `'${path || '(the model)'}' (${m.describe()})`).join(', ');
  const more = training.length > 5 ? ` and ${training.length - 5} more` : '';
  throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${listed}${more} ${training.length === 1 ? 'is' : 'are'} in train mode; expected eval mode (call model.eval() first): a train-mode trace would bake batch statistics and dropout masks into the graph`);
}

function symbolSizes(shape: readonly Dim[], given: Readonly<Record<string, number>> = {}, where: string): SymbolSizes {
  const sizes = new Map<string, number>();
  for (const d of shape) {
    if (typeof d !== 'string' || sizes.has(d)) continue;
    const size = given[d] ?? DEFAULT_SYMBOL_SIZES[sizes.size];
    if (size === undefined || !Number.isInteger(size) || size < 2) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: symbolic dimension '${d}' has the tracing size ${String(size)}; expected an integer >= 2 (options.symbolSizes)`);
    }
    if ([...sizes.values()].includes(size)) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: symbolic dimension '${d}' has the tracing size ${size}, as another symbolic dimension does; expected distinct sizes`);
    }
    sizes.set(d, size);
  }
  return sizes;
}

/** Each parameter and buffer tensor -> its state-dict key (the first one, for shared parameters). */
function stateNames(model: Module): Map<Tensor, string> {
  const names = new Map<Tensor, string>();
  for (const [key, holder] of model.namedState()) if (!names.has(holder.value)) names.set(holder.value, key);
  return names;
}

function modulePaths(model: Module): Map<object, string> {
  const paths = new Map<object, string>();
  for (const [path, m] of model.namedModules()) if (!paths.has(m)) paths.set(m, path);
  return paths;
}

function renameValue(nodes: readonly AnyGraphNode[], from: string, to: string): AnyGraphNode[] {
  const rename = (names: readonly string[]): string[] => names.map((n) => (n === from ? to : n));
  return nodes.map((n) => ({ ...n, inputs: rename(n.inputs), outputs: rename(n.outputs) }));
}

/** The nodes the output depends on, in traced order (ops whose results forward discarded are dropped). */
function liveNodes(nodes: readonly AnyGraphNode[], output: string): AnyGraphNode[] {
  const needed = new Set([output]);
  const keep: AnyGraphNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (!node.outputs.some((o) => needed.has(o))) continue;
    keep.push(node);
    for (const input of node.inputs) needed.add(input);
  }
  return keep.reverse();
}

function usedInitializers(all: Graph['initializers'], nodes: readonly AnyGraphNode[], output: string): Graph['initializers'] {
  const used = new Set([output, ...nodes.flatMap((n) => n.inputs)]);
  return Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)));
}
