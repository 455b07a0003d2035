import type { AnyNormalizedNode, OpAttrs, TensorValue, ValidatedGraph } from '@cnnkit/core';

/**
 * Bounds on |value| for every value of a graph, from a bound on its inputs: a proof that no value
 * of a run can overflow float32, and so that none can be ±Inf or NaN when the inputs and weights
 * are finite (the ops here make NaN only out of an infinity: Inf − Inf, 0 · Inf).
 *
 * Why: tfjs-backend-wasm's fused convolution / matMul relu and its maxPool drop NaN (relu(NaN)
 * comes out 0, a window holding NaN gives its other values' max), where cnnkit keeps PyTorch's
 * NaN. A run these bounds prove finite has no NaN to drop, so the compiled graph may use tfjs's
 * fused relus and plain max pools there (compile-graph.ts) and the NaN-keeping ops only when the
 * proof fails — decided once per run from one value read back at the graph's edge, not per op.
 *
 * Each bound is Σ|terms| of the value's computation, which also bounds every partial sum a kernel
 * forms in any order; SAFE leaves float32's range 2^28 of headroom for rounding.
 */
const SAFE = 2 ** 100;

/** A node's output bound from its inputs' bounds (input order as the node's). */
type NodeBound = (inputs: readonly number[]) => number;

const maxAbs = (data: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i]!));
  // Math.max returns NaN when any value is NaN: a NaN weight fails every later comparison.
  return m;
};

/** max over rows of Σ|row|, for a weight whose first axis is the output (conv OIHW / OIL, linear [out, in]). */
function maxRowAbsSum(w: TensorValue): number {
  const rows = w.shape[0] ?? 0, per = rows === 0 ? 0 : w.data.length / rows;
  let worst = 0;
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = r * per; i < (r + 1) * per; i++) s += Math.abs(w.data[i]!);
    worst = Math.max(worst, s);
  }
  return worst;
}

const SAME: NodeBound = ([x]) => x!;
const SAME_OPS = new Set([
  'relu', 'maxPool1d', 'maxPool2d', 'globalMaxPool', 'avgPool1d', 'avgPool2d', 'globalAvgPool', 'flatten', 'reshape', 'transpose', 'dropout',
]);

/** The bound of one node, or undefined for an op it does not cover (or weights that are not constants). */
function nodeBound(g: ValidatedGraph, node: AnyNormalizedNode): NodeBound | undefined {
  const constant = (i: number): TensorValue | undefined => {
    const name = node.inputs[i];
    return name === undefined ? undefined : g.initializers[name];
  };
  const biasOf = (i: number): number | undefined => {
    if (node.inputs[i] === undefined) return 0;
    const b = constant(i);
    return b === undefined ? undefined : maxAbs(b.data);
  };
  if (SAME_OPS.has(node.op)) return SAME;
  switch (node.op) {
    case 'conv1d':
    case 'conv2d':
    case 'linear': {
      const w = constant(1), b = biasOf(2);
      if (w === undefined || b === undefined) return undefined;
      const gain = maxRowAbsSum(w);
      return ([x]) => gain * x! + b;
    }
    case 'batchNorm': {
      const [scale, bias, mean, variance] = [constant(1), constant(2), constant(3), constant(4)];
      if (!scale || !bias || !mean || !variance) return undefined;
      const eps = (node.attrs as OpAttrs<'batchNorm'>).epsilon;
      let a = 0;
      for (let c = 0; c < scale.data.length; c++) a = Math.max(a, Math.abs(scale.data[c]! / Math.sqrt(variance.data[c]! + eps)));
      const m = maxAbs(mean.data), t = maxAbs(bias.data);
      return ([x]) => a * (x! + m) + t;
    }
    case 'leakyRelu': {
      const slope = Math.max(1, Math.abs((node.attrs as OpAttrs<'leakyRelu'>).alpha));
      return ([x]) => slope * x!;
    }
    case 'add':
    case 'sub':
      return ([a, b]) => a! + b!;
    case 'mul':
      return ([a, b]) => a! * b!;
    case 'concat':
      return (inputs) => Math.max(...inputs);
    case 'gather': {
      // An embedding: the values are the table's, whatever the (int32) indices.
      const table = constant(0);
      if (table === undefined) return ([x]) => x!;
      const m = maxAbs(table.data);
      return () => m;
    }
    default:
      return undefined;
  }
}

/**
 * A check of a run: given a bound on each float input's |values| (by input name; int32 inputs,
 * token ids, need none), the values proved to stay below SAFE — and so free of NaN and ±Inf —
 * up to the first op it does not cover. Bounds only grow along a path, so a deep network whose
 * bound passes SAFE half-way still has its first layers proved (a ResNet's stem and max pool).
 */
export function planOverflowProof(g: ValidatedGraph): (inputBounds: ReadonlyMap<string, number>) => ReadonlySet<string> {
  const steps: { node: AnyNormalizedNode; bound: NodeBound | undefined }[] = g.nodes.map((node) => ({ node, bound: nodeBound(g, node) }));
  const constants = new Map(Object.entries(g.initializers).map(([name, v]) => [name, maxAbs(v.data)]));
  return (inputBounds) => {
    const bounds = new Map(constants);
    for (const input of g.inputs) bounds.set(input.name, input.dtype === 'int32' ? Infinity : inputBounds.get(input.name) ?? Infinity);
    const finite = new Set<string>();
    for (const [name, b] of bounds) if (b < SAFE) finite.add(name);
    for (const { node, bound } of steps) {
      // An op not covered bounds nothing after it: its outputs stay unproved (Infinity).
      const out = bound === undefined ? Infinity : bound(node.inputs.map((name) => bounds.get(name) ?? Infinity));
      for (const name of node.outputs) {
        bounds.set(name, out);
        // Not below SAFE, NaN included: not proved.
        if (out < SAFE) finite.add(name);
      }
    }
    return finite;
  };
}
