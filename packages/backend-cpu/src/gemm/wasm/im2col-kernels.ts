import { CodeWriter } from './code-writer';
import type { WasmFunction } from './module-emitter';
import { ValueType } from './opcodes';

// Parameters of im2colRow / col2imRow (addresses and strides in bytes), then locals.
const P_COL = 0, P_PLANE = 1, P_IH = 2, P_IH_STEP = 3, P_IN_H = 4, P_ROW_BYTES = 5;
const P_OW0 = 6, P_LEFT = 7, P_OUT_W = 8, P_START = 9, P_END = 10, P_SHIFT = 11, P_STRIDE = 12;
const P_IMAGES = 13, P_IMAGE_BYTES = 14;
const L_OW1 = 15, L_FROM = 16, L_TO = 17, L_S = 18, L_N = 19, L_IH0 = 20, L_LEFT0 = 21, L_OW00 = 22;

/**
 * One row of the im2col matrix — one input channel's kernel tap (i, j) — over `left` of its
 * columns starting at output column ow0 of some output row, in one call, instead of a
 * JavaScript copyWithin / fill per output row (which cost ~50 ns each: for a 10×10 map that is
 * most of the convolution).
 *
 * (col, plane, ih, ihStep, inH, rowBytes, ow0, left, outW, start, end, shift, strideBytes, images, imageBytes):
 * output row after output row, ih is the input row read (ih + ihStep for the next one; outside
 * [0, inH) is padding: zeros); along it, output columns [start, end) read
 * plane + ih·rowBytes + shift + ow·strideBytes, the others zeros. Then the same again for
 * `images` − 1 more images, each imageBytes further on in the input and straight after the
 * last in col (a batch's side-by-side columns, batched-conv.ts). 'gather' writes the values at
 * col (im2col); 'scatterAdd' adds col's values onto the input elements they were read from and
 * skips the padding (col2im, im2col's adjoint). Values move as bits (i32 / v128 loads and
 * stores), so NaN payloads and −0 survive; the adds are f32, as one JavaScript float32 add.
 */
export function im2colRowFunction(name: string, direction: 'gather' | 'scatterAdd'): WasmFunction {
  const { i32 } = ValueType;
  const gather = direction === 'gather';
  const w = new CodeWriter();
  w.block(); // exit
  w.localGet(P_LEFT).i32Eqz().brIf(0);
  w.localGet(P_IMAGES).i32Eqz().brIf(0);
  w.localGet(P_IH).localSet(L_IH0);
  w.localGet(P_LEFT).localSet(L_LEFT0);
  w.localGet(P_OW0).localSet(L_OW00);
  w.loop(); // images
  w.localGet(L_IH0).localSet(P_IH);
  w.localGet(L_LEFT0).localSet(P_LEFT);
  w.localGet(L_OW00).localSet(P_OW0);
  w.loop(); // output rows
  // ow1 = min(outW, ow0 + left)
  w.localGet(P_OW0).localGet(P_LEFT).i32Add().localGet(P_OUT_W);
  w.localGet(P_OW0).localGet(P_LEFT).i32Add().localGet(P_OUT_W).i32LtS().select().localSet(L_OW1);
  // from = max(ow0, start), to = min(ow1, end)
  w.localGet(P_START).localGet(P_OW0).localGet(P_START).localGet(P_OW0).i32GtS().select().localSet(L_FROM);
  w.localGet(P_END).localGet(L_OW1).localGet(P_END).localGet(L_OW1).i32LtS().select().localSet(L_TO);
  w.block(); // row done
  w.block(); // all padding
  w.localGet(P_IH).localGet(P_IN_H).i32GeU().brIf(0); // unsigned: ih < 0 is outside too
  w.localGet(L_FROM).localGet(L_TO).i32GeS().brIf(0);
  // Zeros before the run, the run, zeros after it.
  w.localGet(L_FROM).localGet(P_OW0).i32Sub().localSet(L_N);
  if (gather) emitZeros(w);
  else skipFloats(w);
  w.localGet(P_PLANE).localGet(P_IH).localGet(P_ROW_BYTES).i32Mul().i32Add();
  w.localGet(P_SHIFT).i32Add().localGet(L_FROM).localGet(P_STRIDE).i32Mul().i32Add().localSet(L_S);
  w.localGet(L_TO).localGet(L_FROM).i32Sub().localSet(L_N);
  emitRun(w, gather);
  w.localGet(L_OW1).localGet(L_TO).i32Sub().localSet(L_N);
  if (gather) emitZeros(w);
  else skipFloats(w);
  w.br(1);
  w.end(); // all padding
  w.localGet(L_OW1).localGet(P_OW0).i32Sub().localSet(L_N);
  if (gather) emitZeros(w);
  else skipFloats(w);
  w.end(); // row done
  w.localGet(P_LEFT).localGet(L_OW1).localGet(P_OW0).i32Sub().i32Sub().localSet(P_LEFT);
  w.localGet(P_IH).localGet(P_IH_STEP).i32Add().localSet(P_IH);
  w.i32Const(0).localSet(P_OW0);
  w.localGet(P_LEFT).i32Const(0).i32GtS().brIf(0);
  w.end(); // output rows
  w.localGet(P_PLANE).localGet(P_IMAGE_BYTES).i32Add().localSet(P_PLANE);
  w.localGet(P_IMAGES).i32Const(1).i32Sub().localTee(P_IMAGES).brIf(0);
  w.end(); // images
  w.end(); // exit
  return {
    name,
    params: new Array<ValueType>(15).fill(i32),
    results: [],
    locals: new Array<ValueType>(8).fill(i32),
    code: w.code,
  };
}

/** L_N zeros at P_COL, four at a time then one at a time; P_COL ends past them. */
function emitZeros(w: CodeWriter): void {
  w.block().loop();
  w.localGet(L_N).i32Const(4).i32LtS().brIf(1);
  w.localGet(P_COL).v128Zero().v128Store(0);
  advance(w, P_COL, 16);
  w.localGet(L_N).i32Const(4).i32Sub().localSet(L_N);
  w.br(0);
  w.end().end();
  w.block().loop();
  w.localGet(L_N).i32Eqz().brIf(1);
  w.localGet(P_COL).i32Const(0).i32Store(0);
  advance(w, P_COL, 4);
  w.localGet(L_N).i32Const(1).i32Sub().localSet(L_N);
  w.br(0);
  w.end().end();
}

/** P_COL moved past L_N floats (col2im reads nothing where im2col wrote padding). */
function skipFloats(w: CodeWriter): void {
  w.localGet(P_COL).localGet(L_N).i32Const(2).i32Shl().i32Add().localSet(P_COL);
}

/**
 * L_N values between col (P_COL, contiguous) and the input (L_S, P_STRIDE apart): copied into col
 * (gather) or added onto the input (scatterAdd). A contiguous input (stride 4 bytes) goes four at
 * a time first.
 */
function emitRun(w: CodeWriter, gather: boolean): void {
  w.block();
  w.localGet(P_STRIDE).i32Const(4).i32Ne().brIf(0);
  w.block().loop();
  w.localGet(L_N).i32Const(4).i32LtS().brIf(1);
  if (gather) {
    w.localGet(P_COL).localGet(L_S).v128Load(0).v128Store(0);
  } else {
    w.localGet(L_S).localGet(L_S).v128Load(0).localGet(P_COL).v128Load(0).f32x4Add().v128Store(0);
  }
  advance(w, P_COL, 16);
  advance(w, L_S, 16);
  w.localGet(L_N).i32Const(4).i32Sub().localSet(L_N);
  w.br(0);
  w.end().end();
  w.end();
  w.block().loop();
  w.localGet(L_N).i32Eqz().brIf(1);
  if (gather) {
    w.localGet(P_COL).localGet(L_S).i32Load(0).i32Store(0);
  } else {
    w.localGet(L_S).localGet(L_S).f32Load(0).localGet(P_COL).f32Load(0).f32Add().f32Store(0);
  }
  advance(w, P_COL, 4);
  w.localGet(L_S).localGet(P_STRIDE).i32Add().localSet(L_S);
  w.localGet(L_N).i32Const(1).i32Sub().localSet(L_N);
  w.br(0);
  w.end().end();
}

function advance(w: CodeWriter, local: number, bytes: number): void {
  w.localGet(local).i32Const(bytes).i32Add().localSet(local);
}
