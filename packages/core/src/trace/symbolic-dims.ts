import { CnnkitError } from '../errors';
import type { AnyGraphNode, Graph, ValidatedGraph } from '../graph/graph';
import { type StaticShape, formatShape } from '../tensor/shape';

/** Symbolic dimension name -> the placeholder size it took while tracing. */
export type SymbolSizes = ReadonlyMap<string, number>;

/** Attribute values this large are "to the end" sentinels (slice), never sizes. */
const SENTINEL = 2 ** 31 - 1;

/**
 * Rewrites the attributes that copied a symbolic size from their input into copies of the
 * dimension itself: reshape's entry becomes 0 (ONNX: copy the input's dimension) and expand's
 * becomes 1 (broadcast keeps the input's dimension). The placeholder sizes are unusual primes,
 * so an entry equal to one, at a position where the input has that size, is the copied size.
 */
export function keepSymbolicDims(nodes: readonly AnyGraphNode[], shapes: ReadonlyMap<string, StaticShape>, sizes: SymbolSizes): AnyGraphNode[] {
  if (sizes.size === 0) return [...nodes];
  const placeholder = new Set(sizes.values());
  const copied = (target: number, inputDim: number | undefined): boolean => placeholder.has(target) && target === inputDim;
  return nodes.map((node) => {
    const x = shapes.get(node.inputs[0] ?? '');
    if (!x) return node;
    if (node.op === 'reshape' && Array.isArray(node.attrs.shape)) {
      const shape = node.attrs.shape.map((d, i) => (copied(d, x[i]) ? 0 : d));
      return { ...node, attrs: { ...node.attrs, shape } };
    }
    if (node.op === 'expand' && Array.isArray(node.attrs.shape)) {
      const offset = x.length - node.attrs.shape.length;
      const shape = node.attrs.shape.map((d, i) => (copied(d, x[i + offset]) ? 1 : d));
      return { ...node, attrs: { ...node.attrs, shape } };
    }
    return node;
  });
}

function bakedSymbol(value: number, sizes: SymbolSizes): [string, number] | undefined {
  if (!Number.isInteger(value) || value === 0 || Math.abs(value) >= SENTINEL) return undefined;
  for (const [symbol, size] of sizes) if (value % size === 0) return [symbol, size];
  return undefined;
}

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  return Array.isArray(value) ? value.flatMap(numbersIn) : [];
}

/**
 * Refuses a graph that baked a symbolic size into an attribute or a constant (a reshape to
 * [x.shape[0] * 3, -1], a constant shaped like the batch): it would run for that size only.
 */
export function checkNoBakedSizes(nodes: readonly AnyGraphNode[], initializers: Graph['initializers'], sizes: SymbolSizes, where: string): void {
  if (sizes.size === 0) return;
  const advice = 'expected sizes that do not depend on the symbolic dimension (reshape with 0 or -1, flatten, broadcasting) or a static input shape';
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node.attrs)) {
      const hit = numbersIn(value).map((v) => [v, bakedSymbol(v, sizes)] as const).find(([, s]) => s);
      if (!hit) continue;
      const [v, [symbol, size]] = hit as readonly [number, [string, number]];
      throw new CnnkitError('INVALID_GRAPH', `${where}: node '${node.name}' (${node.op}) has attribute '${key}' = ${JSON.stringify(value)}, where ${v} is computed from the symbolic dimension '${symbol}' (traced as ${size}); the graph would only run for ${symbol} = ${size}; ${advice}`, { node: node.name, attribute: key });
    }
  }
  for (const [name, value] of Object.entries(initializers)) {
    const hit = value.shape.map((d) => bakedSymbol(d, sizes)).find((s) => s);
    if (!hit) continue;
    throw new CnnkitError('INVALID_GRAPH', `${where}: constant '${name}' has shape ${formatShape(value.shape)}, sized by the symbolic dimension '${hit[0]}' (traced as ${hit[1]}); the graph would only run for ${hit[0]} = ${hit[1]}; ${advice}`, { initializer: name });
  }
}

/**
 * Checks that shape inference over the symbolic input agrees with the shapes seen while tracing:
 * a known size must be the traced one, and a symbol must stand for its placeholder size.
 * Compound symbolic sizes ('N*3') are accepted as they are.
 */
export function checkTracedShapes(graph: ValidatedGraph, traced: ReadonlyMap<string, StaticShape>, sizes: SymbolSizes, where: string): void {
  for (const [name, shape] of traced) {
    const inferred = graph.types.get(name)?.shape;
    if (!inferred) continue;
    const agrees = inferred.length === shape.length && inferred.every((d, i) => (typeof d === 'number' ? d === shape[i] : !sizes.has(d) || sizes.get(d) === shape[i]));
    if (agrees) continue;
    const tracedAs = [...sizes].map(([s, n]) => `${s} = ${n}`).join(', ');
    throw new CnnkitError('INVALID_GRAPH', `${where}: value '${name}' has shape ${formatShape(shape)} when traced with ${tracedAs || 'the static input'} but ${formatShape(inferred)} by shape inference over the graph; expected them to agree (the forward computes a shape from a symbolic dimension that the graph cannot express)`, { value: name });
  }
}
