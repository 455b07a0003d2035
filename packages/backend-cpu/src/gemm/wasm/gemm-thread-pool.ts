import { Worker } from 'node:worker_threads';
import { CnnkitError } from '@cnnkit/core';
import { SHARED_MEMORY_IMPORT, SHARED_MEMORY_MAX_PAGES, WASM_MR, WASM_NR, WASM_PAGE_BYTES, emitSharedGemmModule } from './gemm-module';
import { COMMAND_INTS, Field, type GemmWorkerData, JobKind, MESSAGE_BYTES, REPLAY_FUNCTIONS, type ReplayFunction, SLOT_INTS, SPIN_BEFORE_SLEEP, State } from './gemm-worker-protocol';
import { gemmWorkerSource } from './gemm-worker-source';
import { type WasmGemmKernel, gemmKernelFunctions } from './wasm-kernel';
import { type WasmMemory, webAssemblyApi } from './webassembly-api';

/** One packed-block multiply: the arguments of a macroKernel call over a block of rows × cols. */
export interface BlockMultiply {
  readonly accumulate: boolean;
  readonly rows: number; readonly cols: number; readonly depth: number;
  /** Byte addresses in the shared memory: packed A, packed B, the C block; and C's row stride. */
  readonly pa: number; readonly pb: number; readonly c: number; readonly ldcBytes: number;
  /** The rows are multiplied MC at a time (the packed A block that stays in L2). */
  readonly mcStep: number;
}

/**
 * How long the main thread waits for a worker's share before giving up with an error. A share
 * is at most a few hundred million flops (well under a second); the first one also waits for the
 * worker to start, which on a loaded machine takes a while.
 */
export const DEFAULT_WORKER_TIMEOUT_MS = 30_000;

/**
 * Below this many multiply-adds (m·n·k, 16 M) a GEMM stays on the calling thread. A handoff
 * costs tens of microseconds, and a worker busy on a small product takes the core V8's garbage
 * collector would otherwise use: in `cnnkit bench`'s LeNet-5 training, whose largest products
 * (the batched second convolution, 16 × 6400 × 150 ≈ 15 M) were split, an epoch took 14.9–17.8 s
 * on two threads against 14.1–14.3 s on one. Every convolution of ResNet and VGG is above it
 * (ResNet's are ≈ 115 M each).
 */
export const THREADED_GEMM_MIN_MNK = 1 << 24;

/**
 * A packed block (one multiply() call) of fewer multiply-adds than this runs on the calling
 * thread alone: split in two it is a few tens of microseconds a thread, about what handing a
 * share over and collecting it costs, while the workers' spinning takes a core from V8's
 * background GC. LeNet-5 training's batched blocks (16 × 512 × 150) stay whole; ResNet's
 * (64 × 512 × 256 and up) are shared. Measured: see the changeset.
 */
export const MIN_SHARED_BLOCK_MNK = 1 << 22;

const PAGE_LIMIT_BYTES = SHARED_MEMORY_MAX_PAGES * WASM_PAGE_BYTES;

/**
 * Recorded calls a worker's share may hold (4 MiB of commands per worker): a convolution's
 * column share is one im2col row call per depth row plus a few per block, a few thousand.
 */
export const MAX_SHARE_COMMANDS = 1 << 16;

/** Thrown by a recorder whose share outgrew the command buffer (caught in record(); never seen outside). */
const COMMANDS_FULL: unique symbol = Symbol('GEMM share commands full');

/** Work for one thread, given the module's functions to call (the pool's, or a recorder of them). */
export type GemmShare = (kernel: WasmGemmKernel) => void;

/**
 * `threads − 1` worker threads and the main thread sharing one WebAssembly.Memory: the main
 * thread stages and packs operands into it, then multiply() splits the packed block's column
 * panels (or row panels, whichever are more) into contiguous shares, hands all but the first
 * to the workers, runs the first itself and waits for the rest. Synchronous, as the kernels are.
 * Workers are unref()'d so they never keep the process alive; dispose() ends them.
 */
export class GemmThreadPool {
  readonly threads: number;
  readonly kernel: WasmGemmKernel;
  private readonly memory: WasmMemory;
  private readonly control: Int32Array;
  private readonly messages: SharedArrayBuffer;
  private readonly commands: Int32Array;
  private readonly workerThreads: Worker[] = [];
  private readonly timeoutMs: number;
  /** GEMMs with fewer multiply-adds (m·n·k) stay on the calling thread (threaded-wasm-gemm.ts). */
  readonly minMnk: number;
  /** Packed blocks with fewer multiply-adds than this are multiplied on the calling thread alone (see MIN_SHARED_BLOCK_MNK). */
  readonly minBlockMnk: number;
  private broken: CnnkitError | undefined;
  private heapBuffer: ArrayBufferLike | undefined;
  private heapView = new Float32Array(0);

  constructor(threads: number, options: { readonly timeoutMs?: number; readonly minMnk?: number; readonly minBlockMnk?: number } = {}) {
    if (!Number.isInteger(threads) || threads < 2) {
      throw new CnnkitError('INVALID_ARGUMENT', `a GEMM thread pool was asked for ${threads} threads; expected an integer of at least 2 (1 thread needs no pool)`, { threads });
    }
    const api = webAssemblyApi();
    if (!api) throw new CnnkitError('UNSUPPORTED_OP', 'the threaded GEMM needs WebAssembly, which this JavaScript engine does not have', {});
    this.threads = threads;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WORKER_TIMEOUT_MS;
    this.minMnk = options.minMnk ?? THREADED_GEMM_MIN_MNK;
    this.minBlockMnk = options.minBlockMnk ?? MIN_SHARED_BLOCK_MNK;
    const moduleBytes = emitSharedGemmModule();
    this.memory = new api.Memory({ initial: 1, maximum: SHARED_MEMORY_MAX_PAGES, shared: true });
    const exports = new api.Instance(new api.Module(moduleBytes), { [SHARED_MEMORY_IMPORT.module]: { [SHARED_MEMORY_IMPORT.name]: this.memory } }).exports;
    this.kernel = { ...gemmKernelFunctions(exports), memory: this.memory };
    this.control = new Int32Array(new SharedArrayBuffer((threads - 1) * SLOT_INTS * 4));
    this.messages = new SharedArrayBuffer((threads - 1) * MESSAGE_BYTES);
    this.commands = new Int32Array(new SharedArrayBuffer((threads - 1) * MAX_SHARE_COMMANDS * COMMAND_INTS * 4));
    const source = gemmWorkerSource();
    for (let slot = 0; slot < threads - 1; slot++) {
      const workerData: GemmWorkerData = {
        moduleBytes, memory: this.memory, control: this.control.buffer as SharedArrayBuffer, messages: this.messages,
        commands: this.commands.buffer as SharedArrayBuffer, slot,
      };
      const worker = new Worker(source, { eval: true, workerData, name: `cnnkit-gemm-${slot + 1}`, execArgv: [] });
      worker.unref();
      // Failures are reported through the control slot (see gemm-worker-source.ts); this only
      // keeps an uncaught 'error' event from crashing the process.
      worker.on('error', () => {});
      this.workerThreads.push(worker);
    }
  }

  /** The worker threads (for tests: their threadId is -1 once they have exited). */
  get workers(): readonly Worker[] {
    return this.workerThreads;
  }

  /** Whether the shared memory can hold `bytes` (it is capped at its declared maximum). */
  fits(bytes: number): boolean {
    return bytes <= PAGE_LIMIT_BYTES;
  }

  /** A Float32Array over the shared memory, grown to at least `bytes` (check fits() first). */
  heap(bytes: number): Float32Array {
    const have = this.memory.buffer.byteLength;
    if (have < bytes) this.memory.grow(Math.ceil((bytes - have) / WASM_PAGE_BYTES));
    const buffer = this.memory.buffer;
    if (buffer !== this.heapBuffer) {
      this.heapBuffer = buffer;
      this.heapView = new Float32Array(buffer);
    }
    return this.heapView;
  }

  /**
   * Runs one packed-block multiply across all threads and returns when every share is done.
   * Each share is the same macroKernel calls the single-threaded GEMM makes for its rows and
   * columns, so the result is bit-identical to it.
   */
  multiply(job: BlockMultiply): void {
    if (this.broken) throw this.broken;
    if (job.rows * job.cols * job.depth < this.minBlockMnk) {
      runShare(this.kernel, job);
      return;
    }
    const rowPanels = job.rows / WASM_MR, colPanels = job.cols / WASM_NR;
    const byColumns = colPanels >= rowPanels;
    const panels = byColumns ? colPanels : rowPanels;
    const shares = Math.min(this.threads, panels);
    const share = (i: number): BlockMultiply => {
      const from = Math.floor((i * panels) / shares), to = Math.floor(((i + 1) * panels) / shares);
      if (byColumns) {
        const j0 = from * WASM_NR;
        return { ...job, cols: (to - from) * WASM_NR, pb: job.pb + j0 * job.depth * 4, c: job.c + j0 * 4 };
      }
      const i0 = from * WASM_MR;
      return { ...job, rows: (to - from) * WASM_MR, pa: job.pa + i0 * job.depth * 4, c: job.c + i0 * job.ldcBytes };
    };
    for (let i = 1; i < shares; i++) this.post(i - 1, share(i));
    try {
      runShare(this.kernel, share(0));
    } finally {
      for (let i = 1; i < shares; i++) this.await(i - 1);
    }
  }

  /**
   * Runs independent shares of work at once: shares[1…] on the workers, shares[0] on this thread,
   * and returns when all are done. A worker's share is first run here with a recording kernel —
   * its calls of the module's REPLAY_FUNCTIONS are written down, not made — and the worker makes
   * them, in order, on the shared memory. So a share must change the memory only through those
   * functions (the recorder's others throw), and the shares must not touch each other's regions.
   * A share that records more than MAX_SHARE_COMMANDS calls runs on this thread after its own.
   */
  runShares(shares: readonly GemmShare[]): void {
    if (this.broken) throw this.broken;
    const posted: number[] = [], local: GemmShare[] = [];
    for (let i = 1; i < shares.length; i++) {
      const slot = (i - 1) % (this.threads - 1);
      if (posted.includes(slot)) { local.push(shares[i]!); continue; }
      const count = this.record(slot, shares[i]!);
      if (count === undefined) { local.push(shares[i]!); continue; }
      this.postReplay(slot, count);
      posted.push(slot);
    }
    try {
      shares[0]?.(this.kernel);
      for (const share of local) share(this.kernel);
    } finally {
      for (const slot of posted) this.await(slot);
    }
  }

  /** Records a share's calls into the slot's part of the command buffer; undefined if they do not fit. */
  private record(slot: number, share: GemmShare): number | undefined {
    const cmd = this.commands, first = slot * MAX_SHARE_COMMANDS * COMMAND_INTS;
    let count = 0;
    // Fixed arity (15, the most any replayable function takes): a rest parameter would allocate per call.
    const recorder = (index: number) => (
      a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0,
    ): void => {
      if (count === MAX_SHARE_COMMANDS) throw COMMANDS_FULL;
      const at = first + count * COMMAND_INTS;
      cmd[at] = index;
      cmd[at + 1] = a1; cmd[at + 2] = a2; cmd[at + 3] = a3; cmd[at + 4] = a4; cmd[at + 5] = a5;
      cmd[at + 6] = a6; cmd[at + 7] = a7; cmd[at + 8] = a8; cmd[at + 9] = a9; cmd[at + 10] = a10;
      cmd[at + 11] = a11; cmd[at + 12] = a12; cmd[at + 13] = a13; cmd[at + 14] = a14; cmd[at + 15] = a15;
      count++;
    };
    const refuse = (name: string) => (): never => {
      throw new CnnkitError('INVALID_ARGUMENT', `a GEMM share recorded for a worker called the module's ${name}, which workers do not replay; expected only ${REPLAY_FUNCTIONS.join(', ')}`, { function: name });
    };
    const recording = { ...this.kernel } as Record<string, unknown>;
    for (const name of Object.keys(this.kernel)) if (typeof recording[name] === 'function') recording[name] = refuse(name);
    REPLAY_FUNCTIONS.forEach((name: ReplayFunction, index) => { recording[name] = recorder(index); });
    try {
      share(recording as unknown as WasmGemmKernel);
    } catch (error) {
      if (error === COMMANDS_FULL) return undefined;
      throw error;
    }
    return count;
  }

  private postReplay(slot: number, count: number): void {
    const at = slot * SLOT_INTS;
    const ctl = this.control;
    ctl[at + Field.kind] = JobKind.replay;
    ctl[at + Field.commandAt] = slot * MAX_SHARE_COMMANDS * COMMAND_INTS;
    ctl[at + Field.commandCount] = count;
    Atomics.store(ctl, at + Field.state, State.work);
    Atomics.notify(ctl, at + Field.state);
  }

  /** Stops the workers: asks each to leave its loop, then terminates it. */
  async dispose(): Promise<void> {
    this.broken ??= new CnnkitError('DISPOSED', 'the GEMM thread pool was disposed (backend.dispose()); create a new backend to multiply on threads again', {});
    for (let slot = 0; slot < this.workerThreads.length; slot++) {
      Atomics.store(this.control, slot * SLOT_INTS + Field.state, State.exit);
      Atomics.notify(this.control, slot * SLOT_INTS + Field.state);
    }
    await Promise.all(this.workerThreads.map((worker) => worker.terminate()));
  }

  private post(slot: number, job: BlockMultiply): void {
    const at = slot * SLOT_INTS;
    const ctl = this.control;
    ctl[at + Field.rows] = job.rows;
    ctl[at + Field.cols] = job.cols;
    ctl[at + Field.depth] = job.depth;
    ctl[at + Field.pa] = job.pa;
    ctl[at + Field.pb] = job.pb;
    ctl[at + Field.c] = job.c;
    ctl[at + Field.ldcBytes] = job.ldcBytes;
    ctl[at + Field.accumulate] = job.accumulate ? 1 : 0;
    ctl[at + Field.mcStep] = job.mcStep;
    ctl[at + Field.kind] = JobKind.multiply;
    // The seq-cst store publishes the fields above to the worker that loads WORK.
    Atomics.store(ctl, at + Field.state, State.work);
    Atomics.notify(ctl, at + Field.state);
  }

  private await(slot: number): void {
    const at = slot * SLOT_INTS + Field.state;
    const deadline = performance.now() + this.timeoutMs;
    let state = Atomics.load(this.control, at);
    for (let spin = 0; spin < SPIN_BEFORE_SLEEP && state === State.work; spin++) state = Atomics.load(this.control, at);
    while ((state = Atomics.load(this.control, at)) === State.work) {
      const left = deadline - performance.now();
      if (left <= 0) {
        this.broken = new CnnkitError('DEVICE_UNAVAILABLE', `GEMM worker thread ${slot + 1} of ${this.threads - 1} did not finish its share within ${this.timeoutMs} ms (it died, or never started); expected it to answer. The pool is unusable: dispose the backend and create another, or use threads: 1`, { slot: slot + 1, timeoutMs: this.timeoutMs });
        throw this.broken;
      }
      Atomics.wait(this.control, at, State.work, left);
    }
    if (state === State.error) {
      const bytes = new Uint8Array(MESSAGE_BYTES);
      bytes.set(new Uint8Array(this.messages, slot * MESSAGE_BYTES, MESSAGE_BYTES));
      const text = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0) === -1 ? MESSAGE_BYTES : bytes.indexOf(0)));
      this.broken = new CnnkitError('DEVICE_UNAVAILABLE', `GEMM worker thread ${slot + 1} of ${this.threads - 1} failed: ${text}`, { slot: slot + 1 });
      throw this.broken;
    }
  }
}

/** The main thread's share: the worker's loop (gemm-worker-source.ts) in TypeScript. */
function runShare(kernel: WasmGemmKernel, job: BlockMultiply): void {
  const multiply = job.accumulate ? kernel.macroKernel : kernel.macroKernelOverwrite;
  for (let ic = 0; ic < job.rows; ic += job.mcStep) {
    multiply(Math.min(job.mcStep, job.rows - ic), job.cols, job.depth, job.pa + ic * job.depth * 4, job.pb, job.c + ic * job.ldcBytes, job.ldcBytes);
  }
}
