/**
 * ONNX Runtime for Node runs a session (and creates one) synchronously on the JavaScript thread,
 * inside a setImmediate: `await session.run()` only defers the work, it does not move it off the
 * thread. Runs started together are all queued in the same check phase and execute back to back,
 * so ten concurrent requests freeze timers and I/O for all ten runs. Every ORT call of this
 * package goes through this queue instead: one at a time, with a full event-loop turn (timers,
 * I/O) before each, so a server stays responsive between runs however many requests wait.
 * Parallelism inside a run is ORT's own intra-op thread pool.
 */
let tail: Promise<unknown> = Promise.resolve();

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function enqueueOrtWork<T>(work: () => Promise<T>): Promise<T> {
  const result = tail.then(nextTurn).then(work);
  tail = result.catch(() => undefined);
  return result;
}
