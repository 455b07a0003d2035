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
  /** JobKind.multiply (the fields above) or JobKind.replay (the two below). */
  kind: 10,
  /** A replay job's recorded calls: `commandCount` commands of COMMAND_INTS from int index `commandAt` of the command buffer. */
  commandAt: 11, commandCount: 12,
} as const;

export const JobKind = { multiply: 0, replay: 1 } as const;

/**
 * A recorded call of one of the module's functions: the function's index in REPLAY_FUNCTIONS,
 * then its arguments (at most 15, the im2col row's count; unused ones are 0).
 */
export const COMMAND_INTS = 16;

/**
 * The functions a replay job may call, by index: all a column share of a GEMM needs to write,
 * pack and multiply its own blocks of B (threaded-wasm-gemm.ts).
 */
export const REPLAY_FUNCTIONS = ['im2colRow', 'packCopyB', 'packGatherB', 'macroKernel', 'macroKernelOverwrite'] as const;
export type ReplayFunction = (typeof REPLAY_FUNCTIONS)[number];

export const State = { idle: 0, work: 1, done: 2, error: 3, exit: 4 } as const;

/** Bytes per worker of the shared area a failing worker writes its error message into. */
export const MESSAGE_BYTES = 1024;

/** What a worker is started with (structured-cloned; the memory and buffers stay shared). */
export interface GemmWorkerData {
  readonly moduleBytes: Uint8Array;
  readonly memory: unknown;
  readonly control: SharedArrayBuffer;
  readonly messages: SharedArrayBuffer;
  /** Where replay jobs' commands are recorded (Int32Array; each worker reads the part its job names). */
  readonly commands: SharedArrayBuffer;
  readonly slot: number;
}

/** Polls of its state a thread makes before it sleeps in Atomics.wait (tens of microseconds). */
export const SPIN_BEFORE_SLEEP = 20_000;
