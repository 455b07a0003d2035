import { CnnkitError } from '@cnnkit/core';
import { GEMM_EXPORTS, GEMM_FUNCTION_NAMES, WASM_PAGE_BYTES, emitGemmModule } from './gemm-module';
import { type WasmInstance, type WasmMemory, webAssemblyApi } from './webassembly-api';

/** (rows, cols, depth, pa, pb, c, ldcBytes): see macro-kernel.ts. */
export type WasmMacroKernel = (rows: number, cols: number, depth: number, pa: number, pb: number, c: number, ldcBytes: number) => void;

/** (src, strideBytes, depth, panels, dst): see pack-kernels.ts. */
export type WasmPackFunction = (src: number, strideBytes: number, depth: number, panels: number, dst: number) => void;

export type WasmBinary = (a: number, b: number, out: number, vectors: number) => void;

/** (c, rows, vectors, ldcBytes, bias): see epilogue-kernels.ts. */
export type WasmEpilogue = (c: number, rows: number, vectors: number, ldcBytes: number, bias: number) => void;

/** (col, plane, ih, ihStep, inH, rowBytes, ow0, left, outW, start, end, shift, strideBytes, images, imageBytes): see im2col-kernels.ts. */
export type WasmIm2colRow = (
  col: number, plane: number, ih: number, ihStep: number, inH: number, rowBytes: number,
  ow0: number, left: number, outW: number, start: number, end: number, shift: number, strideBytes: number,
  images: number, imageBytes: number,
) => void;

/** (x, images, xImageBytes, taps, tapOffsets, w, blocks, out, outImageBytes, outPlaneBytes, outH, rowBytes, vectors, outRowBytes): see direct-conv-kernels.ts. */
export type WasmDirectConvForward = (
  x: number, images: number, xImageBytes: number, taps: number, tapOffsets: number, w: number, blocks: number,
  out: number, outImageBytes: number, outPlaneBytes: number, outH: number, rowBytes: number, vectors: number, outRowBytes: number,
) => void;

/** (x, images, xImageBytes, taps, tapOffsets, dy, blocks, dyImageBytes, dyPlaneBytes, outH, rowBytes, vectors, dyRowBytes, masks, acc): see direct-conv-kernels.ts. */
export type WasmDirectConvFilterGrad = (
  x: number, images: number, xImageBytes: number, taps: number, tapOffsets: number, dy: number, blocks: number,
  dyImageBytes: number, dyPlaneBytes: number, outH: number, rowBytes: number, vectors: number, dyRowBytes: number, masks: number, acc: number,
) => void;

/** (p, g, m, v, vectors, β1, 1 − β1, β2, 1 − β2, √(1 − β2^t), eps, stepSize, decay): see adam-kernels.ts. */
export type WasmAdamStep = (
  p: number, g: number, m: number, v: number, vectors: number,
  beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, correction2Sqrt: number, eps: number, stepSize: number, decay: number,
) => void;

/** The instantiated GEMM module: its functions and the memory its operands live in. */
export interface WasmGemmKernel {
  readonly macroKernel: WasmMacroKernel;
  readonly macroKernelOverwrite: WasmMacroKernel;
  readonly packCopyA: WasmPackFunction;
  readonly packGatherA: WasmPackFunction;
  readonly packCopyB: WasmPackFunction;
  readonly packGatherB: WasmPackFunction;
  readonly biasRelu: WasmEpilogue;
  readonly bias: WasmEpilogue;
  readonly relu: WasmEpilogue;
  /** (a, b, vectors): see epilogue-kernels.ts. */
  readonly addRelu: (a: number, b: number, vectors: number) => void;
  /** (a, b, out, vectors) and (x, out, vectors): see epilogue-kernels.ts. */
  readonly add: WasmBinary;
  readonly sub: WasmBinary;
  readonly mul: WasmBinary;
  readonly div: WasmBinary;
  readonly sign: (x: number, out: number, vectors: number) => void;
  readonly im2colRow: WasmIm2colRow;
  readonly col2imRow: WasmIm2colRow;
  /** (x, y, outH, inRowBytes, outW) and (x, dy, outH, inRowBytes, outW, dx): see pool-kernels.ts. */
  readonly maxPool2x2: (x: number, y: number, outH: number, inRowBytes: number, outW: number) => void;
  readonly maxPool2x2Backward: (x: number, dy: number, outH: number, inRowBytes: number, outW: number, dx: number) => void;
  readonly directConvForward: WasmDirectConvForward;
  readonly directConvFilterGrad: WasmDirectConvFilterGrad;
  readonly adamStep: WasmAdamStep;
  readonly adamStepL2: WasmAdamStep;
  readonly adamStepDecoupled: WasmAdamStep;
  readonly memory: WasmMemory;
}

/** The kernel's functions out of an instance's exports (the memory is the caller's to add). */
export function gemmKernelFunctions(exports: WasmInstance['exports']): Omit<WasmGemmKernel, 'memory'> {
  return {
    macroKernel: exports[GEMM_EXPORTS.macroKernel] as WasmMacroKernel,
    macroKernelOverwrite: exports[GEMM_EXPORTS.macroKernelOverwrite] as WasmMacroKernel,
    packCopyA: exports[GEMM_EXPORTS.packCopyA] as WasmPackFunction,
    packGatherA: exports[GEMM_EXPORTS.packGatherA] as WasmPackFunction,
    packCopyB: exports[GEMM_EXPORTS.packCopyB] as WasmPackFunction,
    packGatherB: exports[GEMM_EXPORTS.packGatherB] as WasmPackFunction,
    biasRelu: exports[GEMM_EXPORTS.biasRelu] as WasmEpilogue,
    bias: exports[GEMM_EXPORTS.bias] as WasmEpilogue,
    relu: exports[GEMM_EXPORTS.relu] as WasmEpilogue,
    addRelu: exports[GEMM_EXPORTS.addRelu] as WasmGemmKernel['addRelu'],
    add: exports[GEMM_EXPORTS.add] as WasmBinary,
    sub: exports[GEMM_EXPORTS.sub] as WasmBinary,
    mul: exports[GEMM_EXPORTS.mul] as WasmBinary,
    div: exports[GEMM_EXPORTS.div] as WasmBinary,
    sign: exports[GEMM_EXPORTS.sign] as WasmGemmKernel['sign'],
    im2colRow: exports[GEMM_EXPORTS.im2colRow] as WasmIm2colRow,
    col2imRow: exports[GEMM_EXPORTS.col2imRow] as WasmIm2colRow,
    maxPool2x2: exports[GEMM_EXPORTS.maxPool2x2] as WasmGemmKernel['maxPool2x2'],
    maxPool2x2Backward: exports[GEMM_EXPORTS.maxPool2x2Backward] as WasmGemmKernel['maxPool2x2Backward'],
    directConvForward: exports[GEMM_EXPORTS.directConvForward] as WasmDirectConvForward,
    directConvFilterGrad: exports[GEMM_EXPORTS.directConvFilterGrad] as WasmDirectConvFilterGrad,
    adamStep: exports[GEMM_EXPORTS.adamStep] as WasmAdamStep,
    adamStepL2: exports[GEMM_EXPORTS.adamStepL2] as WasmAdamStep,
    adamStepDecoupled: exports[GEMM_EXPORTS.adamStepDecoupled] as WasmAdamStep,
  };
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
 * module is about 6 KiB and this backend runs on Node (browsers refuse synchronous compilation
 * above 4 KiB only on their main thread).
 */
export function wasmGemmKernel(): WasmGemmKernel {
  if (kernel) return kernel;
  const api = webAssemblyApi();
  if (!api || !wasmSimdSupported()) {
    throw new CnnkitError('UNSUPPORTED_OP', "the 'wasm-simd' GEMM needs WebAssembly with 128-bit SIMD, which this JavaScript engine does not validate; use the 'reference' GEMM", {});
  }
  const instance = new api.Instance(new api.Module(moduleBytes()), {});
  const exports = instance.exports;
  const functionNames = GEMM_FUNCTION_NAMES;
  const missing = functionNames.filter((name) => typeof exports[name] !== 'function');
  const memory = exports[GEMM_EXPORTS.memory];
  if (missing.length > 0 || !(memory instanceof api.Memory)) {
    throw new CnnkitError('INVALID_ARGUMENT', `the emitted GEMM module exports ${Object.keys(exports).join(', ')}; expected the functions ${functionNames.join(', ')} and a memory '${GEMM_EXPORTS.memory}'`, {});
  }
  kernel = { ...gemmKernelFunctions(exports), memory: memory as WasmMemory };
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
