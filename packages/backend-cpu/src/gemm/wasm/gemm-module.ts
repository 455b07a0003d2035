import { macroKernelFunction, WASM_MR, WASM_NR } from './macro-kernel';
import { emitModule } from './module-emitter';
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
} as const;

/**
 * The GEMM module: one exported linear memory holding the staged and packed operands and the
 * block of C, the macro-kernel adding onto C or writing over it (macro-kernel.ts) and the packing functions for A's MR-wide and
 * B's NR-wide panels (pack-kernels.ts).
 */
export function emitGemmModule(): Uint8Array {
  return emitModule({
    functions: [
      macroKernelFunction(GEMM_EXPORTS.macroKernel, true),
      macroKernelFunction(GEMM_EXPORTS.macroKernelOverwrite, false),
      packCopyFunction(GEMM_EXPORTS.packCopyA, WASM_MR),
      packGatherFunction(GEMM_EXPORTS.packGatherA, WASM_MR),
      packCopyFunction(GEMM_EXPORTS.packCopyB, WASM_NR),
      packGatherFunction(GEMM_EXPORTS.packGatherB, WASM_NR),
    ],
    memory: { name: GEMM_EXPORTS.memory, minPages: 1 },
  });
}
