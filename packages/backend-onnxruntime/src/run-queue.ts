/**
 * ONNX Runtime for Node runs a session (and creates one) synchronously on the JavaScript thread,
 * inside a setImmediate: `await session.run()` only defers the work, it does not move it off the
 * thread. Runs started together are all queued in the same check phase and execute back to back,
 * so ten concurrent requests freeze timers and I/O for all ten runs. Every ORT call of this
 * package goes through this queue instead: one at a time, and a run that had to wait for another
 * gets a full event-loop turn (timers, I/O) before it starts, so a server stays responsive
 * between runs however many requests wait. A run that finds the queue idle starts at once: the
 * loop is not blocked by anything of ours then, and ORT's own setImmediate already defers it, so
 * a second hop would only add latency to every sequential call.
 * Parallelism inside a run is ORT's own intra-op thread pool.
 */
/** The last work's promise (it may reject: the queue only waits for it to settle). */
let tail: Promise<unknown> = Promise.resolve();
/** Works queued or running now. */
let pending = 0;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function enqueueOrtWork<T>(work: () => Promise<T>): Promise<T>;
/**
 * With `then`: the work's result mapped through it (a run's output wrapping) in the same reaction
 * that marks the work done — one promise a run instead of two, on a path whose whole overhead
 * over ORT's own run is a few microseconds.
 */
export function enqueueOrtWork<T, U>(work: () => Promise<T>, then: (value: T) => U, failed: (error: unknown) => U): Promise<U>;
export function enqueueOrtWork<T, U>(work: () => Promise<T>, then?: (value: T) => U, failed?: (error: unknown) => U): Promise<T | U> {
  const started = pending === 0 ? startNow(work) : tail.then(nextTurn, nextTurn).then(work);
  pending++;
  const done: Promise<T | U> = then === undefined
    ? started.finally(() => { pending--; })
    : started.then(
      (value) => { pending--; return then(value); },
      (error: unknown) => { pending--; return failed!(error); },
    );
  tail = done;
  return done;
}

/** Calls work now, turning a synchronous throw into a rejection like the queued path does. */
function startNow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}
