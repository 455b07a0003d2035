import { type Executable, type Tensor, type ValidatedGraph, CnnkitError, checkFeeds } from '@cnnkit/core';
import { ORT_BACKEND_NAME } from './options';
import type { OrtTensor } from './ort';
import { enqueueOrtWork } from './run-queue';
import type { SessionLease } from './session-cache';
import { fromOrtTensor, toOrtTensor } from './tensors';

/** A compiled graph: one (shared, cached) ORT session and the graph's inputs and outputs. */
export function ortExecutable(graph: ValidatedGraph, lease: SessionLease): Executable {
  let disposed = false;
  const where = `graph '${graph.name}' on backend '${ORT_BACKEND_NAME}'`;
  // Built once: a run should cost ORT's run and little else (issue 8: the wrapper costs nothing measurable).
  const fetches = [...graph.outputs];
  const outputWhere = new Map(graph.outputs.map((name) => [name, `${where}, output '${name}'`]));
  return {
    inputs: graph.inputs,
    outputs: graph.outputs,
    async run(feeds: Readonly<Record<string, Tensor>>): Promise<Record<string, Tensor>> {
      if (disposed) throw new CnnkitError('DISPOSED', `executable for graph '${graph.name}' was used after dispose()`);
      checkFeeds(graph.name, graph.inputs, feeds);
      const ortFeeds: Record<string, OrtTensor> = {};
      for (const input of graph.inputs) {
        const feed = toOrtTensor(feeds[input.name]!);
        ortFeeds[input.name] = feed instanceof Promise ? await feed : feed;
      }
      let results: Record<string, OrtTensor>;
      try {
        results = (await enqueueOrtWork(() => lease.session.run(ortFeeds, fetches))) as Record<string, OrtTensor>;
      } catch (error) {
        throw new CnnkitError('BACKEND_INVALID', `${where}: ONNX Runtime failed to run the model: ${(error as Error).message}`, {}, { cause: error });
      }
      const outputs: Record<string, Tensor> = {};
      try {
        for (const name of graph.outputs) {
          const o = results[name];
          if (!o) throw new CnnkitError('BACKEND_INVALID', `${where}: ONNX Runtime returned no output '${name}'; got ${Object.keys(results).join(', ') || 'nothing'}`);
          outputs[name] = fromOrtTensor(o, graph.types.get(name)!.dtype, outputWhere.get(name)!);
        }
      } catch (error) {
        for (const t of Object.values(outputs)) t.dispose();
        throw error;
      }
      return outputs;
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      lease.release();
    },
  };
}
