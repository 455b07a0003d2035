import { CodeWriter } from './code-writer';
import type { WasmFunction } from './module-emitter';
import { ValueType } from './opcodes';

/**
 * Output channels a direct-convolution call works on together: one f32x4 accumulator each, so
 * one load of the input serves four multiply-adds.
 */
export const DIRECT_CONV_CHANNELS = 4;

/**
 * Both functions read a zero-padded input: per image, channel planes of rows rowBytes apart,
 * padded so that every tap of every output vector (four adjacent output columns, the last one
 * running past outW into padding) lies inside it. A tap is (channel, kernel row, kernel column);
 * tapOffsets holds, per tap, the byte offset c·planeBytes + i·rowBytes + j·4 of its input value
 * for output (0, 0), so the tap loop reads one table entry instead of three counters. Stride 1,
 * dilation 1 (the caller checks): output (oh, ow) reads tap offset + oh·rowBytes + ow·4.
 */

interface ImageAndBlockLoops {
  /** Parameters that skip the whole call when zero. */
  readonly nonZero: readonly number[];
  /** Parameters: images (counted down), blocks; the local counting blocks. */
  readonly images: number;
  readonly blocks: number;
  readonly block: number;
  /** Per-image pointers: [local, parameter it starts at, parameter of its bytes per image]. */
  readonly perImage: readonly (readonly [number, number, number])[];
  /** Sets the block pointers for an image's first block; moves them on to the next block. */
  readonly startBlocks: () => void;
  readonly nextBlock: () => void;
}

/** The loops both functions share: images one after another, blocks of four output channels within each. */
function imageAndBlockLoops(w: CodeWriter, o: ImageAndBlockLoops, body: () => void): void {
  w.block(); // exit
  for (const p of o.nonZero) w.localGet(p).i32Eqz().brIf(0);
  for (const [local, start] of o.perImage) w.localGet(start).localSet(local);
  w.loop(); // images
  w.i32Const(0).localSet(o.block);
  o.startBlocks();
  w.loop(); // blocks of four output channels
  body();
  o.nextBlock();
  w.localGet(o.block).i32Const(1).i32Add().localTee(o.block).localGet(o.blocks).i32LtU().brIf(0);
  w.end(); // blocks
  for (const [local, , bytes] of o.perImage) w.localGet(local).localGet(bytes).i32Add().localSet(local);
  w.localGet(o.images).i32Const(1).i32Sub().localTee(o.images).brIf(0);
  w.end(); // images
  w.end(); // exit
}

// directConvForward(x, images, xImageBytes, taps, tapOffsets, w, blocks, out, outImageBytes, outPlaneBytes, outH, rowBytes, vectors, outRowBytes)
const F_X = 0, F_IMAGES = 1, F_X_IMAGE = 2, F_TAPS = 3, F_TAP_OFFSETS = 4, F_W = 5, F_BLOCKS = 6;
const F_OUT = 7, F_OUT_IMAGE = 8, F_OUT_PLANE = 9, F_OUT_H = 10, F_ROW = 11, F_VECTORS = 12, F_OUT_ROW = 13;

/**
 * directConvForward: out[n, o, oh, 4v…4v+3] = Σ over taps, in order, of w[o, tap] · x[n, tap at
 * (oh, 4v…)], for four output channels at a time (`blocks` of them), images one after another.
 * w is staged per block as [tap][4 channels]; out as [n][4·blocks channels][outH][vectors·4],
 * planes outPlaneBytes and rows outRowBytes apart. Each sum starts from 0 and adds
 * w·x one tap after another (f32x4.mul then f32x4.add, no FMA): the sequence the GEMM's
 * macro-kernel runs over im2col's rows for a depth of one block, so the values are the same.
 */
export function directConvForwardFunction(name: string): WasmFunction {
  const { i32, v128 } = ValueType;
  const L_XIMG = 14, L_OUTIMG = 15, L_B = 16, L_WBLOCK = 17, L_OUTBLOCK = 18, L_OH = 19, L_V = 20;
  const L_XBASE = 21, L_TP = 22, L_WP = 23, L_T = 24, L_OUTP = 25;
  const L_ACC = 26, L_XV = L_ACC + DIRECT_CONV_CHANNELS;
  const w = new CodeWriter();
  imageAndBlockLoops(w, {
    nonZero: [F_IMAGES, F_BLOCKS, F_TAPS, F_OUT_H, F_VECTORS], images: F_IMAGES, blocks: F_BLOCKS, block: L_B,
    perImage: [[L_XIMG, F_X, F_X_IMAGE], [L_OUTIMG, F_OUT, F_OUT_IMAGE]],
    startBlocks: () => {
      w.localGet(F_W).localSet(L_WBLOCK);
      w.localGet(L_OUTIMG).localSet(L_OUTBLOCK);
    },
    nextBlock: () => {
      w.localGet(L_WBLOCK).localGet(F_TAPS).i32Const(4 * DIRECT_CONV_CHANNELS).i32Mul().i32Add().localSet(L_WBLOCK);
      w.localGet(L_OUTBLOCK).localGet(F_OUT_PLANE).i32Const(DIRECT_CONV_CHANNELS).i32Mul().i32Add().localSet(L_OUTBLOCK);
    },
  }, () => {
    w.i32Const(0).localSet(L_OH);
    w.loop(); // output rows
    w.i32Const(0).localSet(L_V);
    w.loop(); // output vectors
    for (let j = 0; j < DIRECT_CONV_CHANNELS; j++) w.v128Zero().localSet(L_ACC + j);
    w.localGet(L_XIMG).localGet(L_OH).localGet(F_ROW).i32Mul().i32Add().localGet(L_V).i32Const(4).i32Shl().i32Add().localSet(L_XBASE);
    w.localGet(F_TAP_OFFSETS).localSet(L_TP);
    w.localGet(L_WBLOCK).localSet(L_WP);
    w.localGet(F_TAPS).localSet(L_T);
    w.loop(); // taps
    w.localGet(L_XBASE).localGet(L_TP).i32Load(0).i32Add().v128Load(0).localSet(L_XV);
    for (let j = 0; j < DIRECT_CONV_CHANNELS; j++) {
      w.localGet(L_ACC + j).localGet(L_WP).v128Load32Splat(4 * j).localGet(L_XV).f32x4Mul().f32x4Add().localSet(L_ACC + j);
    }
    w.localGet(L_TP).i32Const(4).i32Add().localSet(L_TP);
    w.localGet(L_WP).i32Const(4 * DIRECT_CONV_CHANNELS).i32Add().localSet(L_WP);
    w.localGet(L_T).i32Const(1).i32Sub().localTee(L_T).brIf(0);
    w.end(); // taps
    w.localGet(L_OUTBLOCK).localGet(L_OH).localGet(F_OUT_ROW).i32Mul().i32Add().localGet(L_V).i32Const(4).i32Shl().i32Add().localSet(L_OUTP);
    for (let j = 0; j < DIRECT_CONV_CHANNELS; j++) {
      w.localGet(L_OUTP).localGet(L_ACC + j).v128Store(0);
      if (j < DIRECT_CONV_CHANNELS - 1) w.localGet(L_OUTP).localGet(F_OUT_PLANE).i32Add().localSet(L_OUTP);
    }
    w.localGet(L_V).i32Const(1).i32Add().localTee(L_V).localGet(F_VECTORS).i32LtU().brIf(0);
    w.end(); // output vectors
    w.localGet(L_OH).i32Const(1).i32Add().localTee(L_OH).localGet(F_OUT_H).i32LtU().brIf(0);
    w.end(); // output rows
  });
  return {
    name,
    params: new Array<ValueType>(14).fill(i32),
    results: [],
    locals: [...new Array<ValueType>(12).fill(i32), ...new Array<ValueType>(DIRECT_CONV_CHANNELS + 1).fill(v128)],
    code: w.code,
  };
}

// directConvFilterGrad(x, images, xImageBytes, taps, tapOffsets, dy, blocks, dyImageBytes, dyPlaneBytes, outH, rowBytes, vectors, dyRowBytes, masks, acc)
const G_X = 0, G_IMAGES = 1, G_X_IMAGE = 2, G_TAPS = 3, G_TAP_OFFSETS = 4, G_DY = 5, G_BLOCKS = 6;
const G_DY_IMAGE = 7, G_DY_PLANE = 8, G_OUT_H = 9, G_ROW = 10, G_VECTORS = 11, G_DY_ROW = 12, G_MASKS = 13, G_ACC = 14;

/**
 * directConvFilterGrad: acc[block, tap, channel] (an f32x4 of partial sums) += Σ over images,
 * output rows and output vectors of dy[n, o, oh, 4v…] · x[n, tap at (oh, 4v…)], lane by lane;
 * the caller adds each accumulator's four lanes at the end. dy is staged as
 * [n][4·blocks channels][outH][vectors·4] with zeros past outW, and each input vector is ANDed
 * with masks[v] (all ones, or zero in the lanes past outW), so what lies beyond the last output
 * column — padding, or an input value that would turn 0 · ∞ into NaN — adds nothing.
 */
export function directConvFilterGradFunction(name: string): WasmFunction {
  const { i32, v128 } = ValueType;
  const L_XIMG = 15, L_DYIMG = 16, L_B = 17, L_DYBLOCK = 18, L_TP = 19, L_T = 20, L_ACCP = 21;
  const L_XT = 22, L_OH = 23, L_XR = 24, L_DR = 25, L_V = 26, L_VEND = 27, L_VOFF = 28;
  const L_D = 29; // four dy row pointers, one per channel of the block
  const L_SUM = L_D + DIRECT_CONV_CHANNELS, L_XV = L_SUM + DIRECT_CONV_CHANNELS;
  const w = new CodeWriter();
  w.localGet(G_VECTORS).i32Const(4).i32Shl().localSet(L_VEND);
  imageAndBlockLoops(w, {
    nonZero: [G_IMAGES, G_BLOCKS, G_TAPS, G_OUT_H, G_VECTORS], images: G_IMAGES, blocks: G_BLOCKS, block: L_B,
    perImage: [[L_XIMG, G_X, G_X_IMAGE], [L_DYIMG, G_DY, G_DY_IMAGE]],
    startBlocks: () => {
      w.localGet(L_DYIMG).localSet(L_DYBLOCK);
      w.localGet(G_ACC).localSet(L_ACCP);
    },
    nextBlock: () => w.localGet(L_DYBLOCK).localGet(G_DY_PLANE).i32Const(DIRECT_CONV_CHANNELS).i32Mul().i32Add().localSet(L_DYBLOCK),
  }, () => {
    w.localGet(G_TAP_OFFSETS).localSet(L_TP);
    w.localGet(G_TAPS).localSet(L_T);
    w.loop(); // taps
    for (let j = 0; j < DIRECT_CONV_CHANNELS; j++) w.v128Zero().localSet(L_SUM + j);
    w.localGet(L_XIMG).localGet(L_TP).i32Load(0).i32Add().localSet(L_XT);
    w.i32Const(0).localSet(L_OH);
    w.loop(); // output rows
    w.localGet(L_XT).localGet(L_OH).localGet(G_ROW).i32Mul().i32Add().localSet(L_XR);
    w.localGet(L_DYBLOCK).localGet(L_OH).localGet(G_DY_ROW).i32Mul().i32Add().localSet(L_DR);
    w.localGet(L_DR).localSet(L_D);
    for (let j = 1; j < DIRECT_CONV_CHANNELS; j++) w.localGet(L_D + j - 1).localGet(G_DY_PLANE).i32Add().localSet(L_D + j);
    w.i32Const(0).localSet(L_VOFF);
    w.loop(); // output vectors
    w.localGet(L_XR).localGet(L_VOFF).i32Add().v128Load(0);
    w.localGet(G_MASKS).localGet(L_VOFF).i32Add().v128Load(0).v128And().localSet(L_XV);
    for (let j = 0; j < DIRECT_CONV_CHANNELS; j++) {
      w.localGet(L_SUM + j).localGet(L_D + j).localGet(L_VOFF).i32Add().v128Load(0).localGet(L_XV).f32x4Mul().f32x4Add().localSet(L_SUM + j);
    }
    w.localGet(L_VOFF).i32Const(16).i32Add().localTee(L_VOFF).localGet(L_VEND).i32LtU().brIf(0);
    w.end(); // output vectors
    w.localGet(L_OH).i32Const(1).i32Add().localTee(L_OH).localGet(G_OUT_H).i32LtU().brIf(0);
    w.end(); // output rows
    for (let j = 0; j < DIRECT_CONV_CHANNELS; j++) {
      w.localGet(L_ACCP).localGet(L_ACCP).v128Load(16 * j).localGet(L_SUM + j).f32x4Add().v128Store(16 * j);
    }
    w.localGet(L_ACCP).i32Const(16 * DIRECT_CONV_CHANNELS).i32Add().localSet(L_ACCP);
    w.localGet(L_TP).i32Const(4).i32Add().localSet(L_TP);
    w.localGet(L_T).i32Const(1).i32Sub().localTee(L_T).brIf(0);
    w.end(); // taps
  });
  return {
    name,
    params: new Array<ValueType>(15).fill(i32),
    results: [],
    locals: [...new Array<ValueType>(14 + DIRECT_CONV_CHANNELS).fill(i32), ...new Array<ValueType>(DIRECT_CONV_CHANNELS + 1).fill(v128)],
    code: w.code,
  };
}
