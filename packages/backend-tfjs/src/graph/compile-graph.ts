import {
  type Executable, type Graph, type OpAttrs, type OpType, type Tensor,
  CnnkitError, checkFeeds, foldBatchNorm, nodeWhere, opsUsed, validateGraph,
} from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { nanKeepingRelu } from '../kernels/relu';
import type { TfKernel, TfKernelTable } from '../kernels/tf-kernel';
import { tfFromHost, unwrapTf, wrapTf } from '../tensor';
import { type PlannedNode, planLayouts } from './layout-plan';
import { planOverflowProof } from './overflow-bound';
import {
  type PreparedBatchNorm, type PreparedConv, type PreparedLinear, batchNormNhwc, convNhwc, flattenNhwc, linearPrepared, maxPoolNhwc, prepareBatchNorm, prepareConv, prepareLinear, toNchw,
} from './nhwc-steps';

export interface CompileOptions {
  readonly backend: string;
  readonly kernels: TfKernelTable;
  /** Makes the backend's engine the active one (tfjs has one global engine). */
  readonly activate: () => void;
}

/**
 * One node as it runs: tf.Tensors in (in their planned layouts), tf.Tensors out. `noNaN`: this
 * run is proved free of NaN and infinities (overflow-bound.ts), so tfjs's NaN-dropping fused
 * relus and plain max pools give the same numbers as the NaN-keeping ops.
 */
type Step = (inputs: readonly tf.Tensor[], noNaN: boolean) => tf.Tensor[];

/**
 * Compiles a graph for tfjs. Core's interpreter (compileWithKernels) runs each node through the
 * kernel table, wrapping every intermediate as a cnnkit Tensor, transposing NCHW ↔ NHWC around
 * every convolution and re-deriving each convolution's filter from its weights on every run.
 * Here the graph is validated and planned once: intermediates stay plain tf.Tensors, convolution
 * filters and batchNorm's per-channel factors are made at compile time, and values stay in NHWC
 * between the ops that work in it (layout-plan.ts). Every other node runs its kernel unchanged.
 * The NHWC steps compute the same tfjs ops without the transposes (same numbers, bit for bit);
 * linear multiplies by its weight transposed once (wasm's transposeB matMul is several times
 * slower), and a batchNorm after a convolution is folded into its weights, both equal to
 * float32 rounding. On engines where reading a value back is cheap (wasm, cpu),
 * a run whose inputs' Σ|x| (one value read back) the graph's weights prove cannot overflow
 * (overflow-bound.ts) fuses each relu into the convolution or linear before it and max-pools
 * plainly; any other run (a NaN or ±Inf fed, huge values, an op the proof does not cover) keeps
 * the separate relus and NaN-keeping pools. No op reads data back.
 */
export function compileTfGraph(graph: Graph, options: CompileOptions): Executable {
  // BatchNorm after a convolution is folded into its weights (as torch.onnx.export and the other
  // backends do): one fused convolution instead of three ops, and the relu after it can fold too.
  const g = validateGraph(foldBatchNorm(validateGraph(graph)).graph);
  const missing = opsUsed(g).filter((op) => !options.kernels[op]);
  if (missing.length > 0) {
    throw new CnnkitError('UNSUPPORTED_OP', `backend '${options.backend}' has no kernel for ${missing.join(', ')} used by graph '${g.name}'`, { ops: missing });
  }
  options.activate();
  const { nodes, layouts } = planLayouts(g);

  // Constants a step reads as they are; those only read through a prepared form are not kept.
  const rawNeeded = new Set<string>(g.outputs);
  for (const p of nodes) {
    const prepared = isPreparing(p) ? p.node.inputs.slice(1) : [];
    for (const name of p.node.inputs) if (!prepared.includes(name)) rawNeeded.add(name);
  }
  const constants = new Map<string, tf.Tensor>();
  const upload = (name: string): tf.Tensor => tfFromHost(g.initializers[name]!);
  for (const name of Object.keys(g.initializers)) if (rawNeeded.has(name)) constants.set(name, upload(name));
  const withConstant = <T>(name: string, use: (t: tf.Tensor) => T): T => {
    const kept = constants.get(name);
    if (kept) return use(kept);
    const t = upload(name);
    try {
      return use(t);
    } finally {
      t.dispose();
    }
  };
  const preparedConvs: PreparedConv[] = [];
  const preparedNorms: PreparedBatchNorm[] = [];
  const preparedLinears: PreparedLinear[] = [];
  // Engines on the JavaScript thread, where reading one value back synchronously costs about an op.
  const cheapReads = options.backend === 'tfjs-wasm' || options.backend === 'tfjs-cpu';
  const fusedRelus = cheapReads ? reluFusions(g, nodes) : { producers: new Map<number, number>(), relus: new Map<number, number>() };
  // Read back only for a graph with something to gain: a relu to fold or a max pool to run plainly.
  const proof = fusedRelus.relus.size > 0 || (cheapReads && nodes.some((p) => p.kind === 'maxPoolNhwc')) ? planOverflowProof(g) : undefined;
  const steps = nodes.map((p, i) => makeStep(p, options.kernels, withConstant, { convs: preparedConvs, norms: preparedNorms, linears: preparedLinears }, fusedRelus.producers.has(i)));
  const floatInputs = g.inputs.filter((i) => i.dtype === 'float32').map((i) => i.name);
  const stepValues = nodes.map((p) => [...p.node.inputs, ...p.node.outputs]);

  const lastUse = new Map<string, number>();
  g.nodes.forEach((node, i) => node.inputs.forEach((v) => lastUse.set(v, i)));
  for (const out of g.outputs) lastUse.set(out, Infinity);
  const inputSteps = nodes.map((p) => p.node.inputs.filter((name) => !isPrepared(p, name)));

  let disposed = false;
  return {
    inputs: g.inputs,
    outputs: g.outputs,
    async run(feeds) {
      if (disposed) throw new CnnkitError('DISPOSED', `executable for graph '${g.name}' was used after dispose()`);
      checkFeeds(g.name, g.inputs, feeds);
      options.activate();
      const values = new Map<string, tf.Tensor>(constants);
      const owned = new Set<tf.Tensor>();
      for (const input of g.inputs) {
        const fed = feeds[input.name]!;
        const t = fed.backend === options.backend ? unwrapTf(fed, `${options.backend} run`) : tfFromHost(await fed.toValue());
        if (fed.backend !== options.backend) owned.add(t);
        values.set(input.name, t);
      }
      try {
        const finite = proof?.(new Map(floatInputs.map((name) => [name, absSum(values.get(name)!)])));
        // A step runs NaN-dropping tfjs ops only where every value it reads and writes is proved finite.
        const noNaNs = stepValues.map((names) => finite !== undefined && names.every((name) => finite.has(name)));
        // A folded pair decides together: the relu passes its input on exactly when the step before applied it.
        for (const [relu, producer] of fusedRelus.relus) noNaNs[relu] = noNaNs[producer]!;
        nodes.forEach((p, i) => {
          const ins = inputSteps[i]!.map((name) => values.get(name)!);
          const noNaN = noNaNs[i]!;
          if (noNaN && fusedRelus.relus.has(i)) {
            // Folded into the step before (its only reader): the value goes on under this name.
            values.set(p.node.outputs[0]!, ins[0]!);
            return;
          }
          const step = steps[i]!;
          const outs = tf.tidy(() => step(ins, noNaN).map((t) => (ins.includes(t) ? t.clone() : t)));
          if (outs.length !== p.node.outputs.length) {
            throw new CnnkitError('BACKEND_INVALID', `${nodeWhere(g, p.node)}: backend '${options.backend}' returned ${outs.length} outputs; expected ${p.node.outputs.length}`);
          }
          p.node.outputs.forEach((name, k) => {
            values.set(name, outs[k]!);
            owned.add(outs[k]!);
          });
          for (const name of p.node.inputs) {
            const t = values.get(name);
            if (t !== undefined && lastUse.get(name) === i && owned.has(t)) {
              t.dispose();
              owned.delete(t);
            }
          }
        });
        const result: Record<string, Tensor> = {};
        const handedOut = new Set<tf.Tensor>();
        for (const out of g.outputs) {
          const t = values.get(out)!;
          let given: tf.Tensor;
          if (layouts.get(out) === 'nhwc') given = toNchw(t);
          // An output that is an input, a constant or already handed out is a clone the caller owns.
          else if (!owned.has(t) || handedOut.has(t)) given = t.clone();
          else given = t;
          handedOut.add(given);
          if (given === t) owned.delete(t);
          result[out] = wrapTf(options.backend, given, `${options.backend} run`);
        }
        return result;
      } finally {
        for (const t of owned) t.dispose();
      }
    },
    dispose() {
      disposed = true;
      for (const t of constants.values()) t.dispose();
      constants.clear();
      for (const c of preparedConvs) {
        c.filter.dispose();
        c.bias?.dispose();
      }
      for (const n of preparedNorms) {
        n.a.dispose();
        n.b.dispose();
      }
      for (const l of preparedLinears) {
        l.weightInOut.dispose();
        l.bias?.dispose();
      }
      preparedConvs.length = 0;
      preparedNorms.length = 0;
      preparedLinears.length = 0;
    },
  };
}

/** Inputs up to this many values are summed in JavaScript from one read of their values (two tfjs ops and a read cost more). */
const HOST_SUM_MAX = 1 << 16;

/** Σ|x| read back: finite exactly when every value is (a NaN or ±Inf makes the sum NaN or ±Inf). */
function absSum(x: tf.Tensor): number {
  if (x.size <= HOST_SUM_MAX) {
    const values = x.dataSync();
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += Math.abs(values[i]!);
    return sum;
  }
  const s = tf.tidy(() => tf.sum(tf.abs(x)));
  try {
    return s.dataSync()[0]!;
  } finally {
    s.dispose();
  }
}

/**
 * The relus a NaN-free run folds into the step before them: a relu whose input is a prepared
 * convolution's or linear's output read by nothing else (and not a graph output). By step index:
 * each producer that then applies relu (to its relu), and each relu that then passes its input on
 * (to its producer).
 */
function reluFusions(g: ReturnType<typeof validateGraph>, nodes: readonly PlannedNode[]): { producers: Map<number, number>; relus: Map<number, number> } {
  const producerOf = new Map<string, number>();
  nodes.forEach((p, i) => p.node.outputs.forEach((name) => producerOf.set(name, i)));
  const readers = new Map<string, number>();
  for (const p of nodes) for (const name of p.node.inputs) readers.set(name, (readers.get(name) ?? 0) + 1);
  const producers = new Map<number, number>(), relus = new Map<number, number>();
  nodes.forEach((p, i) => {
    if (p.node.op !== 'relu') return;
    const x = p.node.inputs[0]!;
    const from = producerOf.get(x);
    if (from === undefined || readers.get(x) !== 1 || g.outputs.includes(x)) return;
    const kind = nodes[from]!.kind;
    if (kind !== 'convNhwc' && kind !== 'linearPrepared') return;
    producers.set(from, i);
    relus.set(i, from);
  });
  return { producers, relus };
}

/** Steps whose inputs after the first are constants prepared at compile time. */
function isPreparing(p: PlannedNode): boolean {
  return p.kind === 'convNhwc' || p.kind === 'batchNormNhwc' || p.kind === 'linearPrepared';
}

function isPrepared(p: PlannedNode, name: string): boolean {
  return isPreparing(p) && p.node.inputs.indexOf(name) >= 1;
}

/** What compile made from constants, disposed with the executable. */
interface Prepared {
  readonly convs: PreparedConv[];
  readonly norms: PreparedBatchNorm[];
  readonly linears: PreparedLinear[];
}

/** `fusesRelu`: in a NaN-free run, this convolution or linear applies the relu after it (see reluFusions). */
function makeStep(p: PlannedNode, kernels: TfKernelTable, withConstant: <T>(name: string, use: (t: tf.Tensor) => T) => T, prepared: Prepared, fusesRelu: boolean): Step {
  const { node } = p;
  const relu = (noNaN: boolean): 'relu' | undefined => (fusesRelu && noNaN ? 'relu' : undefined);
  switch (p.kind) {
    case 'convNhwc': {
      const bias = node.inputs[2];
      const conv = withConstant(node.inputs[1]!, (w) => (bias ? withConstant(bias, (b) => prepareConv(w, b)) : prepareConv(w, undefined)));
      prepared.convs.push(conv);
      const attrs = node.attrs as OpAttrs<'conv2d' | 'conv1d'>;
      const nhwcIn = p.inputLayouts[0] === 'nhwc';
      return ([x], noNaN) => [convNhwc(x!, nhwcIn, conv, attrs, relu(noNaN))];
    }
    case 'batchNormNhwc': {
      const attrs = node.attrs as OpAttrs<'batchNorm'>;
      const [, scale, bias, mean, variance] = node.inputs;
      const bn = withConstant(scale!, (s) => withConstant(bias!, (b) => withConstant(mean!, (m) => withConstant(variance!, (v) => prepareBatchNorm(s, b, m, v, attrs)))));
      prepared.norms.push(bn);
      return ([x]) => [batchNormNhwc(x!, bn)];
    }
    case 'linearPrepared': {
      const bias = node.inputs[2];
      const { flatFrom } = p;
      const linear = withConstant(node.inputs[1]!, (w) => (bias ? withConstant(bias, (b) => prepareLinear(w, b, flatFrom)) : prepareLinear(w, undefined, flatFrom)));
      prepared.linears.push(linear);
      return ([x], noNaN) => [linearPrepared(x!, linear, relu(noNaN))];
    }
    case 'transposeToNlc':
      // [N, A, B] transposed to [N, B, A] is, channels last, the value as it is.
      return ([x]) => [x!];
    case 'flattenNhwc':
      return ([x]) => [flattenNhwc(x!)];
    case 'reluNhwc':
      return ([x]) => [nanKeepingRelu(x!)];
    case 'addNhwc':
      return ([a, b]) => [tf.add(a!, b!)];
    case 'maxPoolNhwc': {
      const attrs = node.attrs as OpAttrs<'maxPool2d'>;
      return ([x], noNaN) => [maxPoolNhwc(x!, attrs, noNaN)];
    }
    case 'kernel': {
      const kernel = kernels[node.op] as TfKernel<OpType>;
      const attrs = node.attrs as OpAttrs<OpType>;
      const fromNhwc = p.inputLayouts.map((layout) => layout === 'nhwc');
      return (inputs) => kernel(inputs.map((t, i) => (fromNhwc[i] ? toNchw(t) : t)), attrs);
    }
  }
}
