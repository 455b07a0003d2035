/**
 * The handshake between the main thread and a GEMM worker, over an Int32Array on a
 * SharedArrayBuffer: one slot of SLOT_INTS per worker (64 bytes, so two workers' states never
 * share a cache line). The main thread writes a job's fields, then stores WORK into the state and
 * notifies; the worker runs it, stores DONE (or ERROR with a message) and notifies back.
 */
export const SLOT_INTS = 16;

/** Field indices within a slot. Byte addresses are stored as int32 and read back unsigned. */
export const Field = {
  state: 0, rows: 1, cols: 2, depth: 3, pa: 4, pb: 5, c: 6, ldcBytes: 7, accumulate: 8, mcStep: 9,
} as const;

export const State = { idle: 0, work: 1, done: 2, error: 3, exit: 4 } as const;

/** Bytes per worker of the shared area a failing worker writes its error message into. */
export const MESSAGE_BYTES = 1024;

/** What a worker is started with (structured-cloned; the memory and buffers stay shared). */
export interface GemmWorkerData {
  readonly moduleBytes: Uint8Array;
  readonly memory: unknown;
  readonly control: SharedArrayBuffer;
  readonly messages: SharedArrayBuffer;
  readonly slot: number;
}

/** Polls of its state a thread makes before it sleeps in Atomics.wait (tens of microseconds). */
export const SPIN_BEFORE_SLEEP = 20_000;
