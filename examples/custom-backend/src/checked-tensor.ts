import { CnnkitError, Tensor } from '@cnnkit/core';

/** The name every tensor of this backend carries; core's eager engine dispatches ops by it. */
export const CHECKED_BACKEND_NAME = 'checked';

/**
 * A tensor of the checked backend: it holds the delegate's tensor as its handle, so values stay
 * where the delegate keeps them, and core sees a tensor of 'checked' (its eager engine sends ops
 * on a tensor to the backend named by the tensor).
 */
export function wrapTensor(inner: Tensor): Tensor {
  return new Tensor(inner.shape, inner.dtype, {
    backend: CHECKED_BACKEND_NAME,
    handle: inner,
    read: () => inner.data(),
    readSync: () => inner.dataSync(),
    dispose: () => inner.dispose(),
  });
}

/** The delegate's tensor inside a checked tensor. */
export function unwrapTensor(t: Tensor, where: string): Tensor {
  if (t.backend !== CHECKED_BACKEND_NAME || !(t.handle instanceof Tensor)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: given a tensor of backend '${t.backend}'; expected a tensor of backend '${CHECKED_BACKEND_NAME}'`, { backend: t.backend });
  }
  return t.handle;
}
