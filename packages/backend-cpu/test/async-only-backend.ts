import { type Backend, Tensor } from '@cnnkit/core';

/** Resolves on a later macrotask, as a GPU download or a worker round trip would. */
function later<T>(read: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => setTimeout(() => read().then(resolve, reject), 0));
}

/** A tensor without readSync: only `await tensor.data()` works, like tfjs-webgl or ORT-CUDA outputs. */
export function asyncOnlyTensor(inner: Tensor, backend: string): Tensor {
  return new Tensor(inner.shape, inner.dtype, {
    backend,
    handle: inner,
    read: () => later(() => inner.data()),
    dispose: () => inner.dispose(),
  });
}

/**
 * Wraps a backend so every tensor it hands out, and every feed its inner backend sees, can only be
 * read asynchronously. A suite that passes on this does not lean on synchronous reads anywhere.
 */
export function asyncOnly(inner: Backend): Backend {
  const name = `${inner.name}-async-only`;
  const wrapAll = (tensors: Readonly<Record<string, Tensor>>): Record<string, Tensor> =>
    Object.fromEntries(Object.entries(tensors).map(([k, t]) => [k, asyncOnlyTensor(t, name)]));
  return {
    name,
    // No kernel table here (tensors go through compile only), so no eager execution and no training.
    capabilities: { ...inner.capabilities, eager: false, training: false },
    info: async () => ({ ...(await inner.info()), name }),
    async compile(graph, options) {
      const exe = await inner.compile(graph, options);
      return {
        inputs: exe.inputs,
        outputs: exe.outputs,
        run: async (feeds) => wrapAll(await exe.run(wrapAll(feeds))),
        dispose: () => exe.dispose(),
      };
    },
    fromHost: (value) => asyncOnlyTensor(Tensor.fromValue(value), name),
  };
}
