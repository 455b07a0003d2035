import { type Executable, type Tensor, type ValidatedGraph, CnnkitError } from '@cnnkit/core';
import { planFeedCheck } from './feed-check';
import { ORT_BACKEND_NAME } from './options';
import type { OrtTensor } from './ort';
import { enqueueOrtWork } from './run-queue';
import type { SessionLease } from './session-cache';
import { fromOrtTensor, toOrtTensor } from './tensors';

/** A compiled graph: one (shared, cached) ORT session and the graph's inputs and outputs. */
export function ortExecutable(graph: ValidatedGraph, lease: SessionLease): Executable {
  let disposed = false;
  const where = `graph '${graph.name}' on backend '${ORT_BACKEND_NAME}'`;
  // Built once: a run should cost ORT's run and little else (issue 8; LeNet-5 b1: about 4.7 µs over ORT direct's 42 µs).
  const fetches = [...graph.outputs];
  const outputWhere = new Map(graph.outputs.map((name) => [name, `${where}, output '${name}'`]));
  const checkFeeds = planFeedCheck(graph.name, graph.inputs);
  const inputNames = graph.inputs.map((i) => i.name);
  const failed = (error: unknown): never => {
    throw new CnnkitError('BACKEND_INVALID', `${where}: ONNX Runtime failed to run the model: ${(error as Error).message}`, {}, { cause: error });
  };
  const wrapOutputs = (results: Record<string, OrtTensor>): Record<string, Tensor> => {
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
  };
  // Asking for every output by name costs onnxruntime-node's run a few microseconds more than
  // asking for nothing, which means all of them (LeNet-5 b1: 71 against 68 µs a run).
  const session = lease.session;
  const fetchAll = fetches.length === session.outputNames.length && fetches.every((name, i) => session.outputNames[i] === name);
  const runOrt = (ortFeeds: Record<string, OrtTensor>): Promise<Record<string, Tensor>> =>
    enqueueOrtWork(() => (fetchAll ? session.run(ortFeeds) : session.run(ortFeeds, fetches)), (results) => wrapOutputs(results as Record<string, OrtTensor>), failed);
  return {
    inputs: graph.inputs,
    outputs: graph.outputs,
    // Not async: a run fed this backend's tensors (fromHost) is one promise chain, ORT's run then the wrapping, with no extra hops.
    run(feeds: Readonly<Record<string, Tensor>>): Promise<Record<string, Tensor>> {
      try {
        if (disposed) throw new CnnkitError('DISPOSED', `executable for graph '${graph.name}' was used after dispose()`);
        checkFeeds(feeds);
        const ortFeeds: Record<string, OrtTensor> = {};
        let pending: Promise<void>[] | undefined;
        for (const name of inputNames) {
          const feed = toOrtTensor(feeds[name]!);
          if (feed instanceof Promise) (pending ??= []).push(feed.then((t) => { ortFeeds[name] = t; }));
          else ortFeeds[name] = feed;
        }
        return pending ? Promise.all(pending).then(() => runOrt(ortFeeds)) : runOrt(ortFeeds);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      lease.release();
    },
  };
}
