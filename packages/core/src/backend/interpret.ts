import { CnnkitError } from '../errors';
import type { AnyNormalizedNode, Graph } from '../graph/graph';
import { opsUsed, validateGraph, nodeWhere } from '../graph/validate';
import type { OpAttrs, OpType } from '../ops/attributes';
import type { Tensor, TensorValue } from '../tensor/tensor';
import type { Executable, Kernel, KernelTable } from './backend';
import { checkFeeds } from './feeds';

export interface InterpretOptions {
  readonly backend: string;
  readonly kernels: KernelTable;
  /** Makes a tensor of the backend from host values (initializers, feeds from elsewhere). */
  readonly upload: (value: TensorValue) => Tensor;
  /**
   * Specialises one node's kernel once, at compile time, from what is known then: the node, and
   * the graph's constants already uploaded (a backend can repack a constant weight for its
   * matrix multiply, or fuse a following activation it rewrote into the node). Returns the
   * kernel this node runs, or undefined for the table's kernel for its op.
   */
  readonly prepare?: (node: AnyNormalizedNode, constants: ReadonlyMap<string, Tensor>) => Kernel<OpType> | undefined;
}

/**
 * Compiles a graph for an eager backend by running its kernels node by node. Intermediate
 * tensors are disposed as soon as their last reader has run.
 */
export function compileWithKernels(graph: Graph, options: InterpretOptions): Executable {
  const g = validateGraph(graph);
  const missing = opsUsed(g).filter((op) => !options.kernels[op]);
  if (missing.length > 0) {
    throw new CnnkitError('UNSUPPORTED_OP', `backend '${options.backend}' has no kernel for ${missing.join(', ')} used by graph '${g.name}'`, { ops: missing });
  }
  const constants = new Map<string, Tensor>();
  for (const [name, value] of Object.entries(g.initializers)) constants.set(name, options.upload(value));

  const nodeKernels = g.nodes.map((node) => options.prepare?.(node, constants) ?? (options.kernels[node.op] as Kernel<OpType>));

  const lastUse = new Map<string, number>();
  g.nodes.forEach((node, i) => node.inputs.forEach((v) => lastUse.set(v, i)));
  for (const out of g.outputs) lastUse.set(out, Infinity);

  let disposed = false;
  return {
    inputs: g.inputs,
    outputs: g.outputs,
    async run(feeds) {
      if (disposed) throw new CnnkitError('DISPOSED', `executable for graph '${g.name}' was used after dispose()`);
      checkFeeds(g.name, g.inputs, feeds);
      const values = new Map<string, Tensor>(constants);
      const owned = new Set<Tensor>();
      for (const input of g.inputs) {
        const fed = feeds[input.name]!;
        const t = fed.backend === options.backend ? fed : options.upload(await fed.toValue());
        if (t !== fed) owned.add(t);
        values.set(input.name, t);
      }
      for (const [i, node] of g.nodes.entries()) {
        const outs = nodeKernels[i]!(node.inputs.map((n) => values.get(n)!), node.attrs as OpAttrs<OpType>);
        if (outs.length !== node.outputs.length) {
          throw new CnnkitError('BACKEND_INVALID', `${nodeWhere(g, node)}: backend '${options.backend}' returned ${outs.length} outputs; expected ${node.outputs.length}`);
        }
        node.outputs.forEach((name, k) => {
          values.set(name, outs[k]!);
          owned.add(outs[k]!);
        });
        for (const name of node.inputs) {
          const t = values.get(name)!;
          // A kernel a backend prepared may hand back, as its output, an input it overwrote in place.
          if (lastUse.get(name) === i && owned.has(t) && !outs.includes(t)) {
            t.dispose();
            owned.delete(t);
          }
        }
      }
      const result: Record<string, Tensor> = {};
      for (const out of g.outputs) {
        const t = values.get(out)!;
        // An output that is an input or a constant is handed out as a copy the caller owns.
        const value = owned.has(t) ? undefined : await t.toValue();
        result[out] = value ? options.upload({ ...value, data: value.data.slice() }) : t;
        owned.delete(t);
      }
      for (const t of owned) t.dispose();
      return result;
    },
    dispose() {
      disposed = true;
      for (const t of constants.values()) t.dispose();
      constants.clear();
    },
  };
}
