import {
  type Executable, type Graph, type OpAttrs, type OpType, type Tensor,
  CnnkitError, checkFeeds, nodeWhere, opsUsed, validateGraph,
} from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type { TfKernel, TfKernelTable } from '../kernels/tf-kernel';
import { tfFromHost, unwrapTf, wrapTf } from '../tensor';
import { type PlannedNode, planLayouts } from './layout-plan';
import {
  type PreparedBatchNorm, type PreparedConv, type PreparedLinear, batchNormNhwc, convNhwc, flattenNhwc, linearPrepared, maxPoolNhwc, prepareBatchNorm, prepareConv, prepareLinear, toNchw,
} from './nhwc-steps';

export interface CompileOptions {
  readonly backend: string;
  readonly kernels: TfKernelTable;
  /** Makes the backend's engine the active one (tfjs has one global engine). */
  readonly activate: () => void;
}

/** One node as it runs: tf.Tensors in (in their planned layouts), tf.Tensors out. */
type Step = (inputs: readonly tf.Tensor[]) => tf.Tensor[];

/**
 * Compiles a graph for tfjs. Core's interpreter (compileWithKernels) runs each node through the
 * kernel table, wrapping every intermediate as a cnnkit Tensor, transposing NCHW ↔ NHWC around
 * every convolution and re-deriving each convolution's filter from its weights on every run.
 * Here the graph is validated and planned once: intermediates stay plain tf.Tensors, convolution
 * filters and batchNorm's per-channel factors are made at compile time, and values stay in NHWC
 * between the ops that work in it (layout-plan.ts). Every other node runs its kernel unchanged.
 * The NHWC steps compute the same tfjs ops without the transposes (same numbers, bit for bit);
 * linear multiplies by its weight transposed once (wasm's transposeB matMul is several times
 * slower), equal to float32 rounding.
 */
export function compileTfGraph(graph: Graph, options: CompileOptions): Executable {
  const g = validateGraph(graph);
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
  // Engines on the JavaScript thread, where reading one value back synchronously costs about an op (see maxPoolNhwc).
  const cheapReads = options.backend === 'tfjs-wasm' || options.backend === 'tfjs-cpu';
  const steps = nodes.map((p) => makeStep(p, options.kernels, withConstant, { convs: preparedConvs, norms: preparedNorms, linears: preparedLinears }, cheapReads));

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
        nodes.forEach((p, i) => {
          const ins = inputSteps[i]!.map((name) => values.get(name)!);
          const step = steps[i]!;
          const outs = tf.tidy(() => step(ins).map((t) => (ins.includes(t) ? t.clone() : t)));
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

function makeStep(p: PlannedNode, kernels: TfKernelTable, withConstant: <T>(name: string, use: (t: tf.Tensor) => T) => T, prepared: Prepared, cheapReads: boolean): Step {
  const { node } = p;
  switch (p.kind) {
    case 'convNhwc': {
      const bias = node.inputs[2];
      const conv = withConstant(node.inputs[1]!, (w) => (bias ? withConstant(bias, (b) => prepareConv(w, b)) : prepareConv(w, undefined)));
      prepared.convs.push(conv);
      const attrs = node.attrs as OpAttrs<'conv2d' | 'conv1d'>;
      const nhwcIn = p.inputLayouts[0] === 'nhwc';
      return ([x]) => [convNhwc(x!, nhwcIn, conv, attrs)];
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
      return ([x]) => [linearPrepared(x!, linear)];
    }
    case 'transposeToNlc':
      // [N, A, B] transposed to [N, B, A] is, channels last, the value as it is.
      return ([x]) => [x!];
    case 'flattenNhwc':
      return ([x]) => [flattenNhwc(x!)];
    case 'reluNhwc':
      return ([x]) => [tf.relu(x!)];
    case 'addNhwc':
      return ([a, b]) => [tf.add(a!, b!)];
    case 'maxPoolNhwc': {
      const attrs = node.attrs as OpAttrs<'maxPool2d'>;
      return ([x]) => [maxPoolNhwc(x!, attrs, cheapReads)];
    }
    case 'kernel': {
      const kernel = kernels[node.op] as TfKernel<OpType>;
      const attrs = node.attrs as OpAttrs<OpType>;
      const fromNhwc = p.inputLayouts.map((layout) => layout === 'nhwc');
      return (inputs) => kernel(inputs.map((t, i) => (fromNhwc[i] ? toNchw(t) : t)), attrs);
    }
  }
}
