import { WASM_MR, WASM_NR } from './gemm-module';
import type { GemmShare, GemmThreadPool } from './gemm-thread-pool';
import { type GemmExtras, NO_EXTRAS } from '../gemm-extras';
import { WASM_KC, WASM_MC, WASM_NC, extrasPlaces, finishExtras, moveRows, packBBlock, placeExtras, roundUp, stageAndPack, storeCBlock, wasmGemm, wasmGemmEdgeCase, writeAndPackB } from './wasm-gemm';
import { checkReadC } from '../gemm-extras';

/** Floats of C the shared memory holds at once (as wasm-gemm.ts's MAX_C_BLOCK). */
const MAX_C_BLOCK = 1 << 22;
/** Floats of packed A held at once: A is packed for many MC blocks before one parallel multiply. */
const MAX_A_BLOCK = 1 << 22;
/** Fewest B panels (NR columns each) a column share gets: narrower shares are not worth a handoff. */
const MIN_SHARE_PANELS = 2;

/**
 * wasmGemm() (same contract and blocking) with the multiplies spread over a thread pool.
 * For every column block and depth block the main thread packs B, then packs A for as many MC
 * row blocks as MAX_A_BLOCK allows (laid end to end, which is the layout one packing of all
 * those rows would give), and hands that whole packed block to pool.multiply(), which splits it
 * by column or row panels. Each C element still sees the same macroKernel tile computation and
 * the same depth-block order as in wasmGemm, so the result is bit-identical to it; only fewer
 * handoffs happen than one per MC block.
 */
export function threadedWasmGemm(
  pool: GemmThreadPool,
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
  extras: GemmExtras = NO_EXTRAS,
): void {
  const { packedA, writeB } = extras;
  // Small products stay on this thread; so does an A packed for another shape, a caller's bug
  // that the single-threaded GEMM reports.
  if (m * n * k < pool.minMnk || (packedA !== undefined && (packedA.m !== m || packedA.k !== k))) {
    wasmGemm(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta, extras);
    return;
  }
  checkReadC(beta, extras);
  if (wasmGemmEdgeCase(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta, extras)) return;
  if (extras.writeB !== undefined && extras.writeBInWasm === true && extras.readC === undefined
    && columnSharesGemm(pool, m, n, k, a, aOffset, lda, transA, b, bOffset, transB, c, cOffset, ldc, beta, extras)) return;
  const mPadded = roundUp(m, WASM_MR);
  const ncBlock = Math.max(WASM_NR, Math.min(WASM_NC, Math.floor(MAX_C_BLOCK / mPadded / WASM_NR) * WASM_NR));
  const kcMax = Math.min(k, WASM_KC);
  const mcMax = Math.min(mPadded, WASM_MC);
  const ncMax = Math.min(roundUp(n, WASM_NR), ncBlock);
  const groupRows = Math.min(mPadded, Math.max(WASM_MC, Math.floor(MAX_A_BLOCK / kcMax / WASM_MC) * WASM_MC));
  // Layout in floats, each region a multiple of 4 floats (16-byte aligned): packed A for a group
  // of row blocks, packed B, the C block, the staging area.
  const paAt = 0;
  const pbAt = paAt + roundUp(groupRows, WASM_MC) * kcMax;
  const csAt = pbAt + ncMax * kcMax;
  const stageAt = csAt + mPadded * ncMax;
  const places = extrasPlaces(stageAt + Math.max(mcMax, ncMax) * kcMax, m, extras);
  const end = places.end;
  if (!pool.fits(end * 4)) {
    wasmGemm(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta, extras);
    return;
  }
  const heap = pool.heap(end * 4);
  placeExtras(heap, places, b, bOffset, m, extras);
  const kernel = pool.kernel;
  const packA = transA ? kernel.packCopyA : kernel.packGatherA;

  for (let jc = 0; jc < n; jc += ncBlock) {
    const nc = Math.min(ncBlock, n - jc);
    const ncPadded = roundUp(nc, WASM_NR);
    if (beta === 1) moveRows(c, cOffset + jc, ldc, heap, csAt, ncPadded, m, nc);
    for (let pc = 0; pc < k; pc += WASM_KC) {
      const kc = Math.min(WASM_KC, k - pc);
      packBBlock(kernel, heap, stageAt, pbAt, places.sourceAt, b, bOffset, ldb, transB, writeB, pc, kc, jc, nc);
      for (let group = 0; group < m; group += groupRows) {
        const rows = Math.min(groupRows, m - group);
        if (packedA !== undefined) {
          // Packed A holds a depth block's MC blocks end to end: the group is one contiguous run.
          const at = packedA.blockAt[(pc / WASM_KC) * packedA.mBlocks + group / WASM_MC]!;
          heap.set(packedA.data.subarray(at, at + roundUp(rows, WASM_MR) * kc), paAt);
        } else for (let ic = 0; ic < rows; ic += WASM_MC) {
          const mc = Math.min(WASM_MC, rows - ic);
          stageAndPack(packA, transA, WASM_MR, a, aOffset, lda, group + ic, mc, pc, kc, heap, stageAt, paAt + ic * kc);
        }
        pool.multiply({
          accumulate: !(beta === 0 && pc === 0),
          rows: roundUp(rows, WASM_MR), cols: ncPadded, depth: kc,
          pa: paAt * 4, pb: pbAt * 4, c: (csAt + group * ncPadded) * 4, ldcBytes: ncPadded * 4,
          mcStep: WASM_MC,
        });
      }
    }
    storeCBlock(kernel, heap, csAt, places, c, cOffset, jc, ldc, m, nc, ncPadded, extras);
  }
  finishExtras(heap, places, extras);
}

/**
 * A GEMM whose B a block writer makes in wasm (a convolution's im2col) split by columns: each
 * thread writes, packs and multiplies its own contiguous range of B's columns, so im2col and
 * packing run in parallel as well as the multiply, with one handoff per product. This thread
 * packs all of A first (every depth block, for all shares) and, at the end, stores every C
 * block (epilogue and copy out). The workers' shares are recorded and replayed (pool.runShares).
 * Each C element still gets the same macro-kernel tile computations over the same depth blocks
 * as in wasmGemm (column blocking does not change them), so the result is bit-identical to it.
 * Returns false, having done nothing, when the shares would not fit the shared memory or B is
 * too narrow to split.
 */
function columnSharesGemm(
  pool: GemmThreadPool,
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
  extras: GemmExtras,
): boolean {
  const { packedA, writeB } = extras;
  const panels = Math.ceil(n / WASM_NR);
  const shares = Math.min(pool.threads, Math.floor(panels / MIN_SHARE_PANELS));
  if (shares < 2 || writeB === undefined || (packedA !== undefined && (packedA.m !== m || packedA.k !== k))) return false;
  const mPadded = roundUp(m, WASM_MR);
  const ncBlock = Math.max(WASM_NR, Math.min(WASM_NC, Math.floor(MAX_C_BLOCK / mPadded / WASM_NR) * WASM_NR));
  const kcMax = Math.min(k, WASM_KC);
  const mcMax = Math.min(mPadded, WASM_MC);
  // Share s takes columns [from, to), panel-aligned; its blocks' C are laid one after another.
  interface Block { readonly jc: number; readonly nc: number; readonly ncPadded: number; readonly csAt: number }
  const ranges = Array.from({ length: shares }, (_, s) => [Math.floor((s * panels) / shares) * WASM_NR, Math.min(n, Math.floor(((s + 1) * panels) / shares) * WASM_NR)] as const);
  const ncMax = Math.min(ncBlock, Math.max(...ranges.map(([from, to]) => roundUp(to - from, WASM_NR))));
  // Layout in floats: all of packed A (depth block pc at mPadded·pc), A's staging area, then per
  // share its B staging area (with a panel's slack: packing reads up to NR − 1 past it), packed B
  // and C blocks, then the extras.
  const paAt = 0;
  const aStageAt = paAt + mPadded * k;
  let at = aStageAt + mcMax * kcMax;
  const regions = ranges.map(([from, to]) => {
    const stageAt = at, pbAt = stageAt + kcMax * ncMax + WASM_NR;
    at = pbAt + kcMax * ncMax;
    const blocks: Block[] = [];
    for (let jc = from; jc < to; jc += ncBlock) {
      const nc = Math.min(ncBlock, to - jc), ncPadded = roundUp(nc, WASM_NR);
      blocks.push({ jc, nc, ncPadded, csAt: at });
      at += mPadded * ncPadded;
    }
    return { stageAt, pbAt, blocks };
  });
  const places = extrasPlaces(at, m, extras);
  if (!pool.fits(places.end * 4)) return false;
  const heap = pool.heap(places.end * 4);
  placeExtras(heap, places, b, bOffset, m, extras);
  const kernel = pool.kernel;
  if (packedA !== undefined) {
    // packWasmA lays the blocks out exactly so: depth blocks one after another, MC blocks within.
    heap.set(packedA.data.subarray(0, mPadded * k), paAt);
  } else {
    const packA = transA ? kernel.packCopyA : kernel.packGatherA;
    for (let pc = 0; pc < k; pc += WASM_KC) {
      const kc = Math.min(WASM_KC, k - pc);
      for (let ic = 0; ic < m; ic += WASM_MC) {
        stageAndPack(packA, transA, WASM_MR, a, aOffset, lda, ic, Math.min(WASM_MC, m - ic), pc, kc, heap, aStageAt, paAt + mPadded * pc + ic * kc);
      }
    }
  }
  if (beta === 1) {
    for (const region of regions) for (const block of region.blocks) moveRows(c, cOffset + block.jc, ldc, heap, block.csAt, block.ncPadded, m, block.nc);
  }
  const work = regions.map((region): GemmShare => (module) => {
    for (const block of region.blocks) {
      for (let pc = 0; pc < k; pc += WASM_KC) {
        const kc = Math.min(WASM_KC, k - pc);
        const multiply = beta === 0 && pc === 0 ? module.macroKernelOverwrite : module.macroKernel;
        writeAndPackB(module, writeB, transB, heap, places.sourceAt, region.stageAt, region.pbAt, pc, kc, block.jc, block.nc);
        for (let ic = 0; ic < m; ic += WASM_MC) {
          const mc = Math.min(WASM_MC, m - ic);
          multiply(roundUp(mc, WASM_MR), block.ncPadded, kc, (paAt + mPadded * pc + ic * kc) * 4, region.pbAt * 4, (block.csAt + ic * block.ncPadded) * 4, block.ncPadded * 4);
        }
      }
    }
  });
  pool.runShares(work);
  for (const region of regions) {
    for (const block of region.blocks) storeCBlock(kernel, heap, block.csAt, places, c, cOffset, block.jc, ldc, m, block.nc, block.ncPadded, extras);
  }
  finishExtras(heap, places, extras);
  return true;
}
