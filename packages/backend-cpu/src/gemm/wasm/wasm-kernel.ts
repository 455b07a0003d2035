import { CnnkitError } from '@cnnkit/core';
import { MACRO_KERNEL_EXPORT, MEMORY_EXPORT, WASM_PAGE_BYTES, emitGemmModule } from './gemm-module';
import { type WasmMemory, webAssemblyApi } from './webassembly-api';

/** The instantiated GEMM module: its macro-kernel and the memory its packed operands live in. */
export interface WasmGemmKernel {
  readonly macroKernel: (rows: number, cols: number, depth: number, pa: number, pb: number, c: number, ldcBytes: number) => void;
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
 * module is a few hundred bytes (browsers refuse synchronous compilation only above 4 KiB on
 * the main thread).
 */
export function wasmGemmKernel(): WasmGemmKernel {
  if (kernel) return kernel;
  const api = webAssemblyApi();
  if (!api || !wasmSimdSupported()) {
    throw new CnnkitError('UNSUPPORTED_OP', "the 'wasm-simd' GEMM needs WebAssembly with 128-bit SIMD, which this JavaScript engine does not validate; use the 'reference' GEMM", {});
  }
  const instance = new api.Instance(new api.Module(moduleBytes()), {});
  const macroKernel = instance.exports[MACRO_KERNEL_EXPORT];
  const memory = instance.exports[MEMORY_EXPORT];
  if (typeof macroKernel !== 'function' || !(memory instanceof api.Memory)) {
    throw new CnnkitError('INVALID_ARGUMENT', `the emitted GEMM module exports ${Object.keys(instance.exports).join(', ')}; expected a function '${MACRO_KERNEL_EXPORT}' and a memory '${MEMORY_EXPORT}'`, {});
  }
  kernel = { macroKernel: macroKernel as WasmGemmKernel['macroKernel'], memory };
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
