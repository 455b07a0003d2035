import { adamStepFunction } from './adam-kernels';
import { directConvFilterGradFunction, directConvForwardFunction } from './direct-conv-kernels';
import { addReluFunction, binaryFunction, epilogueFunction, signFunction } from './epilogue-kernels';
import { im2colRowFunction } from './im2col-kernels';
import { macroKernelFunction, WASM_MR, WASM_NR } from './macro-kernel';
import { type WasmFunction, emitModule } from './module-emitter';
import { maxPool2x2BackwardFunction, maxPool2x2Function } from './pool-kernels';
import { packCopyFunction, packGatherFunction } from './pack-kernels';

export { WASM_MR, WASM_NR };

/** Bytes of one wasm page, the unit memory grows by. */
export const WASM_PAGE_BYTES = 65536;

/** Export names of the GEMM module. */
export const GEMM_EXPORTS = {
  memory: 'memory',
  macroKernel: 'macroKernel',
  macroKernelOverwrite: 'macroKernelOverwrite',
  packCopyA: 'packCopyA', packGatherA: 'packGatherA',
  packCopyB: 'packCopyB', packGatherB: 'packGatherB',
  biasRelu: 'biasRelu', bias: 'bias', relu: 'relu', addRelu: 'addRelu',
  add: 'add', sub: 'sub', mul: 'mul', div: 'div', sign: 'sign',
  im2colRow: 'im2colRow', col2imRow: 'col2imRow',
  maxPool2x2: 'maxPool2x2', maxPool2x2Backward: 'maxPool2x2Backward',
  directConvForward: 'directConvForward', directConvFilterGrad: 'directConvFilterGrad',
  adamStep: 'adamStep', adamStepL2: 'adamStepL2', adamStepDecoupled: 'adamStepDecoupled',
} as const;

/** The function names the GEMM module exports (both builds). */
export const GEMM_FUNCTION_NAMES = [
  GEMM_EXPORTS.macroKernel, GEMM_EXPORTS.macroKernelOverwrite, GEMM_EXPORTS.packCopyA, GEMM_EXPORTS.packGatherA,
  GEMM_EXPORTS.packCopyB, GEMM_EXPORTS.packGatherB, GEMM_EXPORTS.biasRelu, GEMM_EXPORTS.bias, GEMM_EXPORTS.relu, GEMM_EXPORTS.addRelu,
  GEMM_EXPORTS.add, GEMM_EXPORTS.sub, GEMM_EXPORTS.mul, GEMM_EXPORTS.div, GEMM_EXPORTS.sign,
  GEMM_EXPORTS.im2colRow, GEMM_EXPORTS.col2imRow, GEMM_EXPORTS.maxPool2x2, GEMM_EXPORTS.maxPool2x2Backward,
  GEMM_EXPORTS.directConvForward, GEMM_EXPORTS.directConvFilterGrad,
  GEMM_EXPORTS.adamStep, GEMM_EXPORTS.adamStepL2, GEMM_EXPORTS.adamStepDecoupled,
] as const;

/**
 * The GEMM module: one exported linear memory holding the staged and packed operands and the
 * block of C, the macro-kernel adding onto C or writing over it (macro-kernel.ts), the packing
 * functions for A's MR-wide and B's NR-wide panels (pack-kernels.ts), and the bias / relu
 * epilogues applied to the C block before it is copied out, the elementwise ops the
 * kernels hand large same-shape tensors to (epilogue-kernels.ts), and one row of im2col / col2im
 * at a time for the convolutions (im2col-kernels.ts), the 2×2 max pool and its gradient
 * (pool-kernels.ts), convolutions over few input taps without im2col (direct-conv-kernels.ts), and
 * the fused Adam step (adam-kernels.ts).
 */
export function emitGemmModule(): Uint8Array {
  return emitModule({ functions: gemmFunctions(), memory: { name: GEMM_EXPORTS.memory, minPages: 1 } });
}

/** Where the threaded GEMM's module imports its memory from. */
export const SHARED_MEMORY_IMPORT = { module: 'env', name: 'memory' } as const;
/**
 * Most pages the shared memory may grow to (2 GiB). A shared memory must declare a maximum; on
 * 64-bit engines it is only reserved address space, and the threaded GEMM needs a few tens of MiB.
 */
export const SHARED_MEMORY_MAX_PAGES = 32768;

/**
 * The same functions over an imported shared memory, for the threaded GEMM: every worker
 * instantiates these bytes on the one WebAssembly.Memory, so all see the packed operands and
 * the C block the main thread staged.
 */
export function emitSharedGemmModule(): Uint8Array {
  return emitModule({
    functions: gemmFunctions(),
    importedMemory: { ...SHARED_MEMORY_IMPORT, minPages: 1, maxPages: SHARED_MEMORY_MAX_PAGES, shared: true },
  });
}

function gemmFunctions(): WasmFunction[] {
  return [
    macroKernelFunction(GEMM_EXPORTS.macroKernel, true),
    macroKernelFunction(GEMM_EXPORTS.macroKernelOverwrite, false),
    packCopyFunction(GEMM_EXPORTS.packCopyA, WASM_MR),
    packGatherFunction(GEMM_EXPORTS.packGatherA, WASM_MR),
    packCopyFunction(GEMM_EXPORTS.packCopyB, WASM_NR),
    packGatherFunction(GEMM_EXPORTS.packGatherB, WASM_NR),
    epilogueFunction(GEMM_EXPORTS.biasRelu, true, true),
    epilogueFunction(GEMM_EXPORTS.bias, true, false),
    epilogueFunction(GEMM_EXPORTS.relu, false, true),
    addReluFunction(GEMM_EXPORTS.addRelu),
    binaryFunction(GEMM_EXPORTS.add, 'add'),
    binaryFunction(GEMM_EXPORTS.sub, 'sub'),
    binaryFunction(GEMM_EXPORTS.mul, 'mul'),
    binaryFunction(GEMM_EXPORTS.div, 'div'),
    signFunction(GEMM_EXPORTS.sign),
    im2colRowFunction(GEMM_EXPORTS.im2colRow, 'gather'),
    im2colRowFunction(GEMM_EXPORTS.col2imRow, 'scatterAdd'),
    maxPool2x2Function(GEMM_EXPORTS.maxPool2x2),
    maxPool2x2BackwardFunction(GEMM_EXPORTS.maxPool2x2Backward),
    directConvForwardFunction(GEMM_EXPORTS.directConvForward),
    directConvFilterGradFunction(GEMM_EXPORTS.directConvFilterGrad),
    adamStepFunction(GEMM_EXPORTS.adamStep, 'none'),
    adamStepFunction(GEMM_EXPORTS.adamStepL2, 'l2'),
    adamStepFunction(GEMM_EXPORTS.adamStepDecoupled, 'decoupled'),
  ];
}
