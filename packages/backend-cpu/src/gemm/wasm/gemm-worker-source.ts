import { COMMAND_INTS, Field, JobKind, MESSAGE_BYTES, REPLAY_FUNCTIONS, SLOT_INTS, SPIN_BEFORE_SLEEP, State } from './gemm-worker-protocol';
import { GEMM_EXPORTS, SHARED_MEMORY_IMPORT } from './gemm-module';

/**
 * The GEMM worker's program, as source text run with `new Worker(source, { eval: true })`: a
 * separate file would need its own bundler entry and a path that differs between the sources
 * (tests) and dist. It is plain JavaScript with the protocol's numbers spliced in.
 *
 * The worker instantiates the shared module on the shared memory, then loops: wait until its
 * state is WORK (or EXIT), run its share of the macro-kernel — rows in MC-row steps, exactly the
 * calls the single-threaded GEMM makes for those rows and columns, so every element sees the
 * same operations in the same order — or replay a list of recorded calls of the module's
 * functions (a column share of a GEMM, written, packed and multiplied by this thread), and
 * store DONE. Any exception is caught and written to
 * the message area with state ERROR, because the main thread is blocked in Atomics.wait and
 * would never see an 'error' event.
 */
export function gemmWorkerSource(): string {
  return `
'use strict';
const { workerData } = require('node:worker_threads');
const { moduleBytes, memory, control, messages, commands, slot } = workerData;
const ctl = new Int32Array(control);
const cmd = new Int32Array(commands);
const base = slot * ${SLOT_INTS};
const S = ${JSON.stringify(State)};
const F = ${JSON.stringify(Field)};
function fail(error) {
  const text = new TextEncoder().encode(String(error && error.stack || error)).subarray(0, ${MESSAGE_BYTES});
  new Uint8Array(messages, slot * ${MESSAGE_BYTES}, ${MESSAGE_BYTES}).fill(0).set(text);
  Atomics.store(ctl, base + F.state, S.error);
  Atomics.notify(ctl, base + F.state);
}
let kernels;
let replayable;
let startError;
try {
  const imports = { ${JSON.stringify(SHARED_MEMORY_IMPORT.module)}: { ${JSON.stringify(SHARED_MEMORY_IMPORT.name)}: memory } };
  const exports = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes), imports).exports;
  kernels = [exports[${JSON.stringify(GEMM_EXPORTS.macroKernelOverwrite)}], exports[${JSON.stringify(GEMM_EXPORTS.macroKernel)}]];
  replayable = ${JSON.stringify(REPLAY_FUNCTIONS)}.map((name) => exports[name]);
} catch (error) {
  startError = error;
}
for (;;) {
  let state;
  // Spin a little before sleeping: the next share of a GEMM usually follows within microseconds,
  // and waking a sleeping thread costs tens of them.
  for (let spin = 0; spin < ${SPIN_BEFORE_SLEEP} && (state = Atomics.load(ctl, base + F.state)) !== S.work && state !== S.exit; spin++);
  while ((state = Atomics.load(ctl, base + F.state)) !== S.work && state !== S.exit) Atomics.wait(ctl, base + F.state, state);
  if (state === S.exit) break;
  try {
    if (startError !== undefined) throw startError;
    if (ctl[base + F.kind] === ${JobKind.replay}) {
      const end = ctl[base + F.commandAt] + ctl[base + F.commandCount] * ${COMMAND_INTS};
      for (let at = ctl[base + F.commandAt]; at < end; at += ${COMMAND_INTS}) {
        replayable[cmd[at]](cmd[at + 1], cmd[at + 2], cmd[at + 3], cmd[at + 4], cmd[at + 5], cmd[at + 6], cmd[at + 7], cmd[at + 8],
          cmd[at + 9], cmd[at + 10], cmd[at + 11], cmd[at + 12], cmd[at + 13], cmd[at + 14], cmd[at + 15]);
      }
      Atomics.store(ctl, base + F.state, S.done);
      Atomics.notify(ctl, base + F.state);
      continue;
    }
    const rows = ctl[base + F.rows], cols = ctl[base + F.cols], depth = ctl[base + F.depth];
    const pa = ctl[base + F.pa] >>> 0, pb = ctl[base + F.pb] >>> 0, c = ctl[base + F.c] >>> 0;
    const ldc = ctl[base + F.ldcBytes], mcStep = ctl[base + F.mcStep];
    const multiply = kernels[ctl[base + F.accumulate]];
    for (let ic = 0; ic < rows; ic += mcStep) {
      multiply(Math.min(mcStep, rows - ic), cols, depth, pa + ic * depth * 4, pb, c + ic * ldc, ldc);
    }
    Atomics.store(ctl, base + F.state, S.done);
    Atomics.notify(ctl, base + F.state);
  } catch (error) {
    fail(error);
  }
}
`;
}
