import { CodeWriter } from './code-writer';
import type { WasmFunction } from './module-emitter';
import { ValueType } from './opcodes';

const EVENS = [0, 2, 4, 6] as const, ODDS = [1, 3, 5, 7] as const;
const LOW_PAIRS = [0, 4, 1, 5] as const, HIGH_PAIRS = [2, 6, 3, 7] as const;

// Parameters of maxPool2x2 / maxPool2x2Backward, then locals.
const P_X = 0, P_Y = 1, P_ROWS = 2, P_IN_ROW = 3, P_OUT_W = 4, P_DX = 5;

/**
 * Both plane functions walk the same windows: (x, y, outH, inRowBytes, outW) over one plane,
 * output row oh reading input rows 2·oh and 2·oh + 1, four windows (eight input columns) at a
 * time; the last group of a row is moved back to end at outW (outW ≥ 4, checked by the caller)
 * and recomputes a few windows rather than taking a scalar tail, so every store is an
 * assignment of the same value.
 */
function planeLoop(w: CodeWriter, locals: { row0: number; ow: number; last: number }, body: () => void, nextRow: () => void): void {
  const { row0, ow, last } = locals;
  w.localGet(P_OUT_W).i32Const(4).i32Sub().localSet(last);
  w.localGet(P_X).localSet(row0);
  w.block();
  w.localGet(P_ROWS).i32Eqz().brIf(0);
  w.loop(); // output rows
  w.i32Const(0).localSet(ow);
  w.loop(); // groups of four windows
  body();
  // ow = ow == last ? outW : min(ow + 4, last)
  w.localGet(ow).i32Const(4).i32Add().localGet(last).localGet(ow).i32Const(4).i32Add().localGet(last).i32LtS().select();
  w.localGet(P_OUT_W).localGet(ow).localGet(last).i32LtS().select().localTee(ow);
  w.localGet(P_OUT_W).i32LtS().brIf(0);
  w.end();
  nextRow();
  w.localGet(row0).localGet(P_IN_ROW).i32Const(1).i32Shl().i32Add().localSet(row0);
  w.localGet(P_ROWS).i32Const(1).i32Sub().localTee(P_ROWS).brIf(0);
  w.end();
  w.end();
}

/** Pushes input columns 2·ow … 2·ow + 3 (offset 0) or 2·ow + 4 … 2·ow + 7 (offset 16) of the row at `row` (+ one input row when `nextRow`). */
function loadColumns(w: CodeWriter, row: number, ow: number, nextRow: boolean, offset: number): void {
  w.localGet(row);
  if (nextRow) w.localGet(P_IN_ROW).i32Add();
  w.localGet(ow).i32Const(3).i32Shl().i32Add().v128Load(offset);
}

/**
 * maxPool2x2(x, y, outH, inRowBytes, outW): y[oh, ow] = max of the 2×2 window at (2·oh, 2·ow),
 * one plane. f32x4.max is Math.max lane by lane (NaN wins, +0 over −0), and max is associative
 * and commutative under those rules, so taking rows first and columns second gives the value
 * the JavaScript chain gives.
 */
export function maxPool2x2Function(name: string): WasmFunction {
  const { i32, v128 } = ValueType;
  const L_ROW0 = 5, L_OW = 6, L_LAST = 7, L_YROW = 8, L_M0 = 9;
  const w = new CodeWriter();
  w.localGet(P_Y).localSet(L_YROW);
  planeLoop(w, { row0: L_ROW0, ow: L_OW, last: L_LAST }, () => {
    // m0 = max(row0[0:4], row1[0:4]), m1 = the same for [4:8]; then max of evens and odds.
    w.localGet(L_YROW).localGet(L_OW).i32Const(2).i32Shl().i32Add(); // store address
    loadColumns(w, L_ROW0, L_OW, false, 0);
    loadColumns(w, L_ROW0, L_OW, true, 0);
    w.f32x4Max().localSet(L_M0);
    loadColumns(w, L_ROW0, L_OW, false, 16);
    loadColumns(w, L_ROW0, L_OW, true, 16);
    w.f32x4Max().localSet(L_M0 + 1);
    w.localGet(L_M0).localGet(L_M0 + 1).f32x4Shuffle(EVENS);
    w.localGet(L_M0).localGet(L_M0 + 1).f32x4Shuffle(ODDS);
    w.f32x4Max().v128Store(0);
  }, () => {
    w.localGet(L_YROW).localGet(P_OUT_W).i32Const(2).i32Shl().i32Add().localSet(L_YROW);
  });
  return { name, params: [i32, i32, i32, i32, i32], results: [], locals: [i32, i32, i32, i32, v128, v128], code: w.code };
}

/**
 * maxPool2x2Backward(x, dy, outH, inRowBytes, outW, dx): dx gets 0 + dy[oh, ow] at the element
 * its window picked and 0 at the other three, PyTorch's pick as the JavaScript scan makes it —
 * the first of equal maxima, but a later NaN always takes over — done with lane masks:
 * "b replaces the best so far" is b > best or b ≠ b. 0 + dy, as dx[at] += dy on zeros (−0 → +0).
 * Columns and rows no window covers are not written (dx must come zeroed).
 */
export function maxPool2x2BackwardFunction(name: string): WasmFunction {
  const { i32, v128 } = ValueType;
  const L_ROW0 = 6, L_OW = 7, L_LAST = 8, L_DYROW = 9, L_DXROW = 10, L_ADDR = 11;
  // a, b (row 0's evens and odds), c, d (row 1's) must stay adjacent: b = a + 1, d = c + 1.
  const L_A = 12, L_B = 13, L_C = 14, L_D = 15, L_BEST = 16, L_CB = 17, L_CC = 18, L_CD = 19, L_V = 20, L_T = 21;
  const w = new CodeWriter();
  const takesOver = (candidate: number, out: number): void => {
    w.localGet(candidate).localGet(L_BEST).f32x4Gt().localGet(candidate).localGet(candidate).f32x4Ne().v128Or().localSet(out);
  };
  w.localGet(P_Y).localSet(L_DYROW);
  w.localGet(P_DX).localSet(L_DXROW);
  planeLoop(w, { row0: L_ROW0, ow: L_OW, last: L_LAST }, () => {
    for (const [even, nextRow] of [[L_A, false], [L_C, true]] as const) {
      loadColumns(w, L_ROW0, L_OW, nextRow, 0);
      w.localSet(L_T);
      loadColumns(w, L_ROW0, L_OW, nextRow, 16);
      w.localSet(L_V);
      w.localGet(L_T).localGet(L_V).f32x4Shuffle(EVENS).localSet(even);
      w.localGet(L_T).localGet(L_V).f32x4Shuffle(ODDS).localSet(even + 1);
    }
    w.localGet(L_A).localSet(L_BEST);
    takesOver(L_B, L_CB);
    w.localGet(L_B).localGet(L_BEST).localGet(L_CB).v128Bitselect().localSet(L_BEST);
    takesOver(L_C, L_CC);
    w.localGet(L_C).localGet(L_BEST).localGet(L_CC).v128Bitselect().localSet(L_BEST);
    takesOver(L_D, L_CD);
    w.v128Zero().localGet(L_DYROW).localGet(L_OW).i32Const(2).i32Shl().i32Add().v128Load(0).f32x4Add().localSet(L_V);
    // Masks of the picked element: d if it took over, else c, else b, else a.
    w.localGet(L_V).localGet(L_CD).v128And().localSet(L_D);
    w.localGet(L_V).localGet(L_CC).v128And().localGet(L_CD).v128AndNot().localSet(L_C);
    w.localGet(L_V).localGet(L_CB).v128And().localGet(L_CC).v128AndNot().localGet(L_CD).v128AndNot().localSet(L_B);
    w.localGet(L_V).localGet(L_CB).localGet(L_CC).v128Or().localGet(L_CD).v128Or().v128AndNot().localSet(L_A);
    for (const [even, nextRow] of [[L_A, false], [L_C, true]] as const) {
      w.localGet(L_DXROW);
      if (nextRow) w.localGet(P_IN_ROW).i32Add();
      w.localGet(L_OW).i32Const(3).i32Shl().i32Add().localTee(L_ADDR);
      w.localGet(even).localGet(even + 1).f32x4Shuffle(LOW_PAIRS).v128Store(0);
      w.localGet(L_ADDR);
      w.localGet(even).localGet(even + 1).f32x4Shuffle(HIGH_PAIRS).v128Store(16);
    }
  }, () => {
    w.localGet(L_DYROW).localGet(P_OUT_W).i32Const(2).i32Shl().i32Add().localSet(L_DYROW);
    w.localGet(L_DXROW).localGet(P_IN_ROW).i32Const(1).i32Shl().i32Add().localSet(L_DXROW);
  });
  return {
    name, params: [i32, i32, i32, i32, i32, i32], results: [],
    locals: [i32, i32, i32, i32, i32, i32, v128, v128, v128, v128, v128, v128, v128, v128, v128, v128],
    code: w.code,
  };
}
