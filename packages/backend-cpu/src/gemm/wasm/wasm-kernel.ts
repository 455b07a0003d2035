import { CnnkitError } from '@cnnkit/core';
import { GEMM_EXPORTS, WASM_PAGE_BYTES, emitGemmModule } from './gemm-module';
import { type WasmMemory, webAssemblyApi } from './webassembly-api';

/** (rows, cols, depth, pa, pb, c, ldcBytes): see macro-kernel.ts. */
export type WasmMacroKernel = (rows: number, cols: number, depth: number, pa: number, pb: number, c: number, ldcBytes: number) => void;

/** (src, strideBytes, depth, panels, dst): see pack-kernels.ts. */
export type WasmPackFunction = (src: number, strideBytes: number, depth: number, panels: number, dst: number) => void;

/** The instantiated GEMM module: its functions and the memory its operands live in. */
export interface WasmGemmKernel {
  readonly macroKernel: WasmMacroKernel;
  readonly macroKernelOverwrite: WasmMacroKernel;
  readonly packCopyA: WasmPackFunction;
  readonly packGatherA: WasmPackFunction;
  readonly packCopyB: WasmPackFunction;
  readonly packGatherB: WasmPackFunction;
  readonly memory: WasmMemory;
}

let bytes: Uint8Array | undefined;
let kernel: WasmGemmKernel | undefined;
let supported: boolean | undefined;

function moduleBytes(): Uint8Array {
  bytes ??= emitGemmModule();
  return bytes;
}

/** Whether this engine runs WebAssembly with 128-bit SIMD: it validates the emitted module. */
export function wasmSimdSupported(): boolean {
  if (supported === undefined) supported = webAssemblyApi()?.validate(moduleBytes()) ?? false;
  return supported;
}

/**
 * The module, compiled and instantiated on first use. Synchronous compilation is fine here: the
 * module is under 2 KiB (browsers refuse synchronous compilation only above 4 KiB on
 * the main thread).
 */
export function wasmGemmKernel(): WasmGemmKernel {
  if (kernel) return kernel;
  const api = webAssemblyApi();
  if (!api || !wasmSimdSupported()) {
    throw new CnnkitError('UNSUPPORTED_OP', "the 'wasm-simd' GEMM needs WebAssembly with 128-bit SIMD, which this JavaScript engine does not validate; use the 'reference' GEMM", {});
  }
  const instance = new api.Instance(new api.Module(moduleBytes()), {});
  const exports = instance.exports;
  const functionNames = [GEMM_EXPORTS.macroKernel, GEMM_EXPORTS.macroKernelOverwrite, GEMM_EXPORTS.packCopyA, GEMM_EXPORTS.packGatherA, GEMM_EXPORTS.packCopyB, GEMM_EXPORTS.packGatherB];
  const missing = functionNames.filter((name) => typeof exports[name] !== 'function');
  const memory = exports[GEMM_EXPORTS.memory];
  if (missing.length > 0 || !(memory instanceof api.Memory)) {
    throw new CnnkitError('INVALID_ARGUMENT', `the emitted GEMM module exports ${Object.keys(exports).join(', ')}; expected the functions ${functionNames.join(', ')} and a memory '${GEMM_EXPORTS.memory}'`, {});
  }
  kernel = {
    macroKernel: exports[GEMM_EXPORTS.macroKernel] as WasmMacroKernel,
    macroKernelOverwrite: exports[GEMM_EXPORTS.macroKernelOverwrite] as WasmMacroKernel,
    packCopyA: exports[GEMM_EXPORTS.packCopyA] as WasmPackFunction,
    packGatherA: exports[GEMM_EXPORTS.packGatherA] as WasmPackFunction,
    packCopyB: exports[GEMM_EXPORTS.packCopyB] as WasmPackFunction,
    packGatherB: exports[GEMM_EXPORTS.packGatherB] as WasmPackFunction,
    memory: memory as WasmMemory,
  };
  return kernel;
}

/**
 * Float32 views of the kernel's memory, at least `bytes` long. memory.grow detaches the old
 * ArrayBuffer, so views are re-taken whenever the buffer changed (after growth).
 */
let heapBuffer: ArrayBuffer | undefined;
let heap = new Float32Array(0);

export function wasmHeap(k: WasmGemmKernel, bytesNeeded: number): Float32Array {
  const have = k.memory.buffer.byteLength;
  if (have < bytesNeeded) k.memory.grow(Math.ceil((bytesNeeded - have) / WASM_PAGE_BYTES));
  if (heapBuffer !== k.memory.buffer) {
    heapBuffer = k.memory.buffer;
    heap = new Float32Array(heapBuffer);
  }
  return heap;
}
