import { type Executable, type Graph, type Tensor, CnnkitError, checkFeeds, nodeWhere, opsUsed, validateGraph } from '@cnnkit/core';
import { performance } from 'node:perf_hooks';
import type { CheckedBackend } from './checked-backend';
import { CHECKED_BACKEND_NAME } from './checked-tensor';
import { firstNonFinite } from './finite-check';

/**
 * Compiles a graph for the checked backend. With an eager delegate it runs the delegate's kernels
 * node by node itself, so a NaN / Inf is reported at the node that produced it; with a graph-only
 * delegate (ONNX Runtime) it runs the delegate's own executable and checks the graph's outputs.
 */
export async function compileChecked(graph: Graph, backend: CheckedBackend): Promise<Executable> {
  return backend.delegate.kernels ? compileNodeByNode(graph, backend) : compileWholeGraph(graph, backend);
}

function compileNodeByNode(graph: Graph, backend: CheckedBackend): Executable {
  const g = validateGraph(graph);
  const missing = opsUsed(g).filter((op) => !backend.delegate.kernels?.[op]);
  if (missing.length > 0) {
    throw new CnnkitError('UNSUPPORTED_OP', `backend '${backend.name}' (over '${backend.delegate.name}') has no kernel for ${missing.join(', ')} used by graph '${g.name}'`, { ops: missing });
  }
  const constants = new Map(Object.entries(g.initializers).map(([name, value]) => [name, backend.fromHost(value)] as const));
  // The index of the last node reading each value: intermediates are freed right after it.
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
      try {
        for (const input of g.inputs) {
          const fed = feeds[input.name]!;
          const t = fed.backend === CHECKED_BACKEND_NAME ? fed : backend.fromHost(await fed.toValue());
          if (t !== fed) owned.add(t);
          values.set(input.name, t);
        }
        for (const [i, node] of g.nodes.entries()) {
          const outs = backend.callKernel(node.op, node.inputs.map((n) => values.get(n)!), node.attrs, nodeWhere(g, node), node.inputs);
          if (outs.length !== node.outputs.length) {
            throw new CnnkitError('BACKEND_INVALID', `${nodeWhere(g, node)}: backend '${backend.delegate.name}' returned ${outs.length} outputs; expected ${node.outputs.length}`);
          }
          node.outputs.forEach((name, k) => {
            values.set(name, outs[k]!);
            owned.add(outs[k]!);
          });
          for (const name of node.inputs) {
            const t = values.get(name)!;
            if (lastUse.get(name) === i && owned.delete(t)) t.dispose();
          }
        }
        const result: Record<string, Tensor> = {};
        for (const out of g.outputs) {
          const t = values.get(out)!;
          // An output that is a feed or a constant is handed out as a copy: the caller may dispose it.
          if (owned.delete(t)) result[out] = t;
          else {
            const value = await t.toValue();
            result[out] = backend.fromHost({ ...value, data: value.data.slice() });
          }
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
    },
  };
}

async function compileWholeGraph(graph: Graph, backend: CheckedBackend): Promise<Executable> {
  const inner = await backend.delegate.compile(graph);
  return {
    inputs: inner.inputs,
    outputs: inner.outputs,
    async run(feeds) {
      const started = performance.now();
      const outputs = await inner.run(feeds).finally(() => backend.recordTime(`graph ${graph.name}`, performance.now() - started));
      try {
        const read = await Promise.all(Object.entries(outputs).map(async ([name, out]) => ({ name, out, values: await out.data() })));
        // Feeds are read back only when an output holds a NaN / Inf: the usual run pays for one pass over the outputs.
        if (read.some((r) => r.out.dtype === 'float32' && firstNonFinite(r.values) !== undefined)) {
          const feedValues = await Promise.all(Object.entries(feeds).map(async ([name, tensor]) => ({ name, tensor, values: await tensor.data() })));
          for (const r of read) backend.checkOutput(r.out, r.values, `output '${r.name}'`, `graph '${graph.name}'`, () => feedValues);
        }
      } catch (error) {
        for (const out of Object.values(outputs)) out.dispose();
        throw error;
      }
      return outputs;
    },
    dispose: () => inner.dispose(),
  };
}
