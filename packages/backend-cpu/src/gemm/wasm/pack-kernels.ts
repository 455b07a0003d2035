import { CnnkitError } from '@cnnkit/core';
import { CodeWriter } from './code-writer';
import type { WasmFunction } from './module-emitter';
import { ValueType } from './opcodes';

// Shared parameter and local indices of the two packing functions.
const P_SRC = 0, P_STRIDE = 1, P_DEPTH = 2, P_PANELS = 3, P_DST = 4;
const L_Q = 5, L_P = 6, L_PTR = 7, L_ROW = 8;

/**
 * Packing, run in wasm on operands already staged in the module's memory (the caller's arrays
 * are copied in with set(), a memcpy). Both functions write `panels` panels of `width` values
 * per depth step (the layout pack.ts documents), from a staged block whose element (i, p) —
 * i along the panel's width, p along the depth — lies at:
 *
 *   packCopy<width>(src, strideBytes, depth, panels, dst):   src + p·stride + 4·i
 *     (the panel's values are contiguous: A transposed, B as is) — f32x4 loads and stores.
 *   packGather<width>(src, strideBytes, depth, panels, dst): src + i·stride + 4·p
 *     (the depth is contiguous: A as is, B transposed) — one f32 per load and store.
 *
 * The last panel always gets `width` values per depth step: past the staged extent it reads
 * whatever follows in memory (wasm-gemm.ts explains why those never reach the result).
 */
export function packCopyFunction(name: string, width: number): WasmFunction {
  const vectors = vectorsOf(width);
  const w = new CodeWriter();
  w.i32Const(0).localSet(L_Q);
  w.loop(); // over panels q: each starts 4·width·q bytes into every staged row
  w.localGet(P_SRC).localGet(L_Q).i32Const(4 * width).i32Mul().i32Add().localSet(L_PTR);
  w.localGet(P_DEPTH).localSet(L_P);
  w.loop(); // over depth p
  for (let v = 0; v < vectors; v++) w.localGet(P_DST).localGet(L_PTR).v128Load(16 * v).v128Store(16 * v);
  w.localGet(P_DST).i32Const(4 * width).i32Add().localSet(P_DST);
  w.localGet(L_PTR).localGet(P_STRIDE).i32Add().localSet(L_PTR);
  w.localGet(L_P).i32Const(1).i32Sub().localTee(L_P).brIf(0);
  w.end();
  w.localGet(L_Q).i32Const(1).i32Add().localTee(L_Q).localGet(P_PANELS).i32LtU().brIf(0);
  w.end();
  return packFunction(name, w, ValueType.i32);
}

export function packGatherFunction(name: string, width: number): WasmFunction {
  vectorsOf(width);
  const w = new CodeWriter();
  w.i32Const(0).localSet(L_Q);
  w.loop(); // over panels q: rows width·q … width·q + width − 1 of the staged block
  w.localGet(P_DEPTH).localSet(L_P);
  w.localGet(P_SRC).localGet(L_Q).i32Const(width).i32Mul().localGet(P_STRIDE).i32Mul().i32Add().localSet(L_ROW);
  w.loop(); // over depth p: one value from each of the panel's rows
  w.localGet(L_ROW).localSet(L_PTR);
  for (let r = 0; r < width; r++) {
    w.localGet(P_DST).localGet(L_PTR).f32Load(0).f32Store(4 * r);
    if (r < width - 1) w.localGet(L_PTR).localGet(P_STRIDE).i32Add().localSet(L_PTR);
  }
  w.localGet(P_DST).i32Const(4 * width).i32Add().localSet(P_DST);
  w.localGet(L_ROW).i32Const(4).i32Add().localSet(L_ROW);
  w.localGet(L_P).i32Const(1).i32Sub().localTee(L_P).brIf(0);
  w.end();
  w.localGet(L_Q).i32Const(1).i32Add().localTee(L_Q).localGet(P_PANELS).i32LtU().brIf(0);
  w.end();
  return packFunction(name, w, ValueType.i32);
}

function packFunction(name: string, w: CodeWriter, i32: ValueType): WasmFunction {
  return { name, params: [i32, i32, i32, i32, i32], results: [], locals: [i32, i32, i32, i32], code: w.code };
}

function vectorsOf(width: number): number {
  if (width !== 4 && width !== 8) {
    throw new CnnkitError('INVALID_ARGUMENT', `a wasm packing function was asked for panel width ${width}; expected 4 or 8`, { width });
  }
  return width / 4;
}
