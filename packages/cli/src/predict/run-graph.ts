import { type Backend, CnnkitError, type Graph, Tensor, type TensorValue } from '@cnnkit/core';

/**
 * Compiles a one-input, one-output graph on `backend` (any backend: compile is the one entry
 * point graph-only backends have too), runs it on `input` and returns the output as host values.
 */
export async function runGraph(backend: Backend, graph: Graph, input: TensorValue, label: string): Promise<TensorValue> {
  const exe = await backend.compile(graph, { label });
  try {
    const feed = backend.fromHost ? backend.fromHost(input) : Tensor.fromValue(input);
    try {
      const outputs = await exe.run({ [exe.inputs[0]!.name]: feed });
      try {
        const out = outputs[exe.outputs[0]!];
        if (!out) throw new CnnkitError('BACKEND_INVALID', `${label}: backend '${backend.name}' returned no '${exe.outputs[0]}' output; expected the graph's output`);
        // Copied: the array may be the backend's own buffer, freed on dispose.
        return { dtype: out.dtype, shape: [...out.shape], data: (await out.data()).slice() };
      } finally {
        for (const t of Object.values(outputs)) t.dispose();
      }
    } finally {
      feed.dispose();
    }
  } finally {
    exe.dispose();
  }
}
