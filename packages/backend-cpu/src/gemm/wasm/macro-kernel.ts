import { CodeWriter } from './code-writer';
import type { WasmFunction } from './module-emitter';
import { ValueType } from './opcodes';

/** Register tile of the WebAssembly kernel: MR rows of C by NR columns (two f32x4 vectors). */
export const WASM_MR = 4;
export const WASM_NR = 8;

// Local indices of macroKernel: its parameters first, then the locals declared below.
const P_ROWS = 0, P_COLS = 1, P_DEPTH = 2, P_PA = 3, P_PB = 4, P_C = 5, P_LDC_BYTES = 6;
const L_JR = 7, L_IR = 8, L_P = 9, L_A = 10, L_B = 11, L_C_TILE = 12, L_C_ROW = 13;
const L_B_PANEL = 14, L_A_PANEL = 15, L_A_STRIDE = 16, L_B_STRIDE = 17, L_TILE_STRIDE = 18;
const I32_LOCALS = 12;
const L_ACC = 19; // MR × 2 accumulators, row-major: L_ACC + 2·r + half
const L_B0 = L_ACC + 2 * WASM_MR, L_B1 = L_B0 + 1, L_AV = L_B1 + 1;
const V128_LOCALS = 2 * WASM_MR + 3;

/**
 * A macro-kernel of the GEMM module:
 *
 *   name(rows, cols, depth, pa, pb, c, ldcBytes)
 *
 * computes C += Ap · Bp (`accumulate`) or C = Ap · Bp for one packed block: Ap as rows / MR
 * panels of MR values per depth step, Bp as cols / NR panels of NR values per depth step (the
 * layout pack-kernels.ts writes), C the rows × cols block at byte address `c` with a row stride
 * of ldcBytes. rows and cols are multiples of MR and NR (edge panels are padded), depth is at
 * least 1, and pa, pb, c are byte addresses in the module's memory. The jr / ir loops of the
 * BLIS macro-kernel run inside wasm so one call covers a whole packed block; each MR×NR tile
 * keeps its 2·MR f32x4 accumulators in locals (registers: 8 + 3 of x86's 16 xmm) across the
 * depth loop, which per depth step does two vector loads of B, MR splat-loads of A and 2·MR
 * multiplies and adds (no FMA in wasm SIMD 1.0, so 8 flops per cycle is the ceiling).
 */
export function macroKernelFunction(name: string, accumulate: boolean): WasmFunction {
  const w = new CodeWriter();
  const set = (local: number, emitValue: () => void): void => { emitValue(); w.localSet(local); };
  const addTo = (local: number, amount: number): void => { w.localGet(local).localGet(amount).i32Add().localSet(local); };
  const addConst = (local: number, amount: number): void => { w.localGet(local).i32Const(amount).i32Add().localSet(local); };

  set(L_A_STRIDE, () => w.localGet(P_DEPTH).i32Const(WASM_MR * 4).i32Mul());
  set(L_B_STRIDE, () => w.localGet(P_DEPTH).i32Const(WASM_NR * 4).i32Mul());
  set(L_TILE_STRIDE, () => w.localGet(P_LDC_BYTES).i32Const(WASM_MR).i32Mul());
  set(L_JR, () => w.i32Const(0));
  set(L_B_PANEL, () => w.localGet(P_PB));

  w.loop(); // over column panels jr
  set(L_IR, () => w.i32Const(0));
  set(L_A_PANEL, () => w.localGet(P_PA));
  set(L_C_TILE, () => w.localGet(P_C).localGet(L_JR).i32Const(2).i32Shl().i32Add());

  w.loop(); // over row panels ir
  for (let acc = 0; acc < 2 * WASM_MR; acc++) set(L_ACC + acc, () => w.v128Zero());
  set(L_A, () => w.localGet(L_A_PANEL));
  set(L_B, () => w.localGet(L_B_PANEL));
  set(L_P, () => w.localGet(P_DEPTH));

  w.loop(); // over depth p: the micro-kernel
  set(L_B0, () => w.localGet(L_B).v128Load(0));
  set(L_B1, () => w.localGet(L_B).v128Load(16));
  for (let r = 0; r < WASM_MR; r++) {
    set(L_AV, () => w.localGet(L_A).v128Load32Splat(4 * r));
    for (let half = 0; half < 2; half++) {
      const acc = L_ACC + 2 * r + half;
      set(acc, () => w.localGet(acc).localGet(L_AV).localGet(half === 0 ? L_B0 : L_B1).f32x4Mul().f32x4Add());
    }
  }
  addConst(L_A, WASM_MR * 4);
  addConst(L_B, WASM_NR * 4);
  w.localGet(L_P).i32Const(1).i32Sub().localTee(L_P).brIf(0);
  w.end();

  set(L_C_ROW, () => w.localGet(L_C_TILE));
  for (let r = 0; r < WASM_MR; r++) {
    for (let half = 0; half < 2; half++) {
      // C tile (+)= accumulators: address, then (old value +) accumulator, then store.
      w.localGet(L_C_ROW);
      if (accumulate) w.localGet(L_C_ROW).v128Load(16 * half).localGet(L_ACC + 2 * r + half).f32x4Add();
      else w.localGet(L_ACC + 2 * r + half);
      w.v128Store(16 * half);
    }
    if (r < WASM_MR - 1) addTo(L_C_ROW, P_LDC_BYTES);
  }
  addTo(L_C_TILE, L_TILE_STRIDE);
  addTo(L_A_PANEL, L_A_STRIDE);
  addConst(L_IR, WASM_MR);
  w.localGet(L_IR).localGet(P_ROWS).i32LtU().brIf(0);
  w.end();

  addTo(L_B_PANEL, L_B_STRIDE);
  addConst(L_JR, WASM_NR);
  w.localGet(L_JR).localGet(P_COLS).i32LtU().brIf(0);
  w.end();

  const i32 = ValueType.i32, v128 = ValueType.v128;
  return {
    name,
    params: [i32, i32, i32, i32, i32, i32, i32],
    results: [],
    locals: [...new Array<ValueType>(I32_LOCALS).fill(i32), ...new Array<ValueType>(V128_LOCALS).fill(v128)],
    code: w.code,
  };
}
