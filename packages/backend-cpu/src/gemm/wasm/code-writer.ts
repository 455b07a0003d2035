import { CnnkitError } from '@cnnkit/core';
import { signedLeb128, unsignedLeb128 } from './leb128';
import { BLOCK_EMPTY, Op, SIMD_PREFIX, SimdOp } from './opcodes';

/** Natural alignment, as log2 of bytes, of the loads and stores emitted here. */
const ALIGN_F32 = 2;
const ALIGN_V128 = 4;

/**
 * Appends the instructions of one function body, one method per instruction, so generators read
 * like the wasm text format. Locals are plain indices: parameters first, then declared locals.
 */
export class CodeWriter {
  private readonly bytes: number[] = [];

  get code(): readonly number[] {
    return this.bytes;
  }

  localGet(index: number): this { return this.op(Op.localGet, ...unsignedLeb128(index)); }
  localSet(index: number): this { return this.op(Op.localSet, ...unsignedLeb128(index)); }
  localTee(index: number): this { return this.op(Op.localTee, ...unsignedLeb128(index)); }
  i32Const(value: number): this { return this.op(Op.i32Const, ...signedLeb128(value)); }
  i32Add(): this { return this.op(Op.i32Add); }
  i32Sub(): this { return this.op(Op.i32Sub); }
  i32Mul(): this { return this.op(Op.i32Mul); }
  i32Shl(): this { return this.op(Op.i32Shl); }
  i32Ne(): this { return this.op(Op.i32Ne); }
  i32LtU(): this { return this.op(Op.i32LtU); }
  i32LtS(): this { return this.op(Op.i32LtS); }
  i32GtS(): this { return this.op(Op.i32GtS); }
  i32GeS(): this { return this.op(Op.i32GeS); }
  i32GeU(): this { return this.op(Op.i32GeU); }
  /** The first of the two values below the condition if it is non-zero, else the second. */
  select(): this { return this.op(Op.select); }
  i32Load(offset = 0): this { return this.op(Op.i32Load, ALIGN_F32, ...unsignedLeb128(offset)); }
  i32Store(offset = 0): this { return this.op(Op.i32Store, ALIGN_F32, ...unsignedLeb128(offset)); }
  i32Eqz(): this { return this.op(Op.i32Eqz); }
  f32Add(): this { return this.op(Op.f32Add); }
  f32Load(offset = 0): this { return this.op(Op.f32Load, ALIGN_F32, ...unsignedLeb128(offset)); }
  f32Store(offset = 0): this { return this.op(Op.f32Store, ALIGN_F32, ...unsignedLeb128(offset)); }

  /** `block` / `loop` with no parameters or results; close with end(). */
  block(): this { return this.op(Op.block, BLOCK_EMPTY); }
  loop(): this { return this.op(Op.loop, BLOCK_EMPTY); }
  end(): this { return this.op(Op.end); }
  /** Branch `depth` labels out (0 = the innermost enclosing block or loop). */
  br(depth: number): this { return this.op(Op.br, ...unsignedLeb128(depth)); }
  brIf(depth: number): this { return this.op(Op.brIf, ...unsignedLeb128(depth)); }

  v128Load(offset = 0): this { return this.simd(SimdOp.v128Load, ALIGN_V128, ...unsignedLeb128(offset)); }
  /** Loads one f32 and copies it into all four lanes (one instruction instead of load + splat). */
  v128Load32Splat(offset = 0): this { return this.simd(SimdOp.v128Load32Splat, ALIGN_F32, ...unsignedLeb128(offset)); }
  v128Store(offset = 0): this { return this.simd(SimdOp.v128Store, ALIGN_V128, ...unsignedLeb128(offset)); }
  /** v128.const with all sixteen bytes zero. */
  v128Zero(): this { return this.simd(SimdOp.v128Const, ...new Array<number>(16).fill(0)); }
  f32x4Splat(): this { return this.simd(SimdOp.f32x4Splat); }
  f32x4ExtractLane(lane: number): this {
    if (!Number.isInteger(lane) || lane < 0 || lane > 3) {
      throw new CnnkitError('INVALID_ARGUMENT', `f32x4.extract_lane was given lane ${lane}; expected 0, 1, 2 or 3`, { lane });
    }
    return this.simd(SimdOp.f32x4ExtractLane, lane);
  }
  /** IEEE square root lane by lane (correctly rounded, as Math.sqrt rounded to float32). */
  f32x4Sqrt(): this { return this.simd(SimdOp.f32x4Sqrt); }
  f32x4Add(): this { return this.simd(SimdOp.f32x4Add); }
  f32x4Mul(): this { return this.simd(SimdOp.f32x4Mul); }
  f32x4Sub(): this { return this.simd(SimdOp.f32x4Sub); }
  f32x4Div(): this { return this.simd(SimdOp.f32x4Div); }
  /** Lane masks (all ones where true) of a < b and a > b; false for NaN, as JavaScript's < and >. */
  f32x4Lt(): this { return this.simd(SimdOp.f32x4Lt); }
  f32x4Gt(): this { return this.simd(SimdOp.f32x4Gt); }
  f32x4Ne(): this { return this.simd(SimdOp.f32x4Ne); }
  v128Not(): this { return this.simd(SimdOp.v128Not); }
  v128And(): this { return this.simd(SimdOp.v128And); }
  /** a & ~b of the two operands below it, a then b. */
  v128AndNot(): this { return this.simd(SimdOp.v128AndNot); }
  v128Or(): this { return this.simd(SimdOp.v128Or); }
  /** IEEE maximum lane by lane: NaN if either is NaN, +0 over −0 (as Math.max). */
  f32x4Max(): this { return this.simd(SimdOp.f32x4Max); }
  /**
   * The f32 lanes `lanes` (0–3 from the first operand, 4–7 from the second) of the two operands
   * below it: i8x16.shuffle with each lane's four byte indices.
   */
  f32x4Shuffle(lanes: readonly [number, number, number, number]): this {
    if (lanes.some((l) => !Number.isInteger(l) || l < 0 || l > 7)) {
      throw new CnnkitError('INVALID_ARGUMENT', `f32x4Shuffle was given lanes ${lanes.join(', ')}; expected four of 0–7`, { lanes: lanes.join(',') });
    }
    return this.simd(SimdOp.i8x16Shuffle, ...lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]));
  }
  /** (v1 & c) | (v2 & ~c) of the three operands below it, v1, v2, c. */
  v128Bitselect(): this { return this.simd(SimdOp.v128Bitselect); }
  /** v128.const of four equal f32 lanes. */
  f32x4Const(value: number): this {
    const bytes = new Uint8Array(new Float32Array([value, value, value, value]).buffer);
    return this.simd(SimdOp.v128Const, ...bytes);
  }
  /** Pseudo-maximum of the two operands below it, a then b: a < b ? b : a, lane by lane (NaN in a stays). */
  f32x4Pmax(): this { return this.simd(SimdOp.f32x4Pmax); }

  private op(...bytes: number[]): this {
    for (const byte of bytes) this.bytes.push(byte);
    return this;
  }

  private simd(subOpcode: number, ...immediates: number[]): this {
    return this.op(SIMD_PREFIX, ...unsignedLeb128(subOpcode), ...immediates);
  }
}
