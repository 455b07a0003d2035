import { type Backend, CnnkitError, getBackend, setBackend } from '@cnnkit/core';

/**
 * Runs fn with `backend` as core's current eager backend, then puts the previous one back, so a
 * suite run leaves the process's eager state as it found it (when there was one to restore).
 */
export async function withEagerBackend<T>(backend: Backend, fn: () => Promise<T>): Promise<T> {
  if (!backend.kernels) {
    throw new CnnkitError('UNSUPPORTED_OP', `backend '${backend.name}' has no eager kernel table; training cases run op by op and need one`, { backend: backend.name });
  }
  let previous: Backend | undefined;
  try {
    previous = getBackend();
  } catch {
    previous = undefined; // none set yet: nothing to restore
  }
  setBackend(backend);
  try {
    return await fn();
  } finally {
    if (previous && previous !== backend) setBackend(previous);
  }
}
