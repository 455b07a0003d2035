/**
 * The WebAssembly opcodes the GEMM module uses (core spec 2.0 and the fixed-width SIMD
 * proposal, now part of the standard). SIMD instructions are the 0xFD prefix followed by a
 * LEB128-encoded sub-opcode, so values above 127 take two bytes (see CodeWriter.simd).
 */
export const ValueType = { i32: 0x7f, f32: 0x7d, v128: 0x7b } as const;
export type ValueType = (typeof ValueType)[keyof typeof ValueType];

/** Block type of a block or loop that takes and yields nothing. */
export const BLOCK_EMPTY = 0x40;

export const Op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f32Load: 0x2a,
  i32Store: 0x36,
  f32Store: 0x38,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GeS: 0x4e,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  f32Add: 0x92,
} as const;

export const SIMD_PREFIX = 0xfd;

export const SimdOp = {
  v128Load: 0x00,
  v128Load32Splat: 0x09,
  v128Store: 0x0b,
  v128Const: 0x0c,
  f32x4Splat: 0x13,
  f32x4ExtractLane: 0x1f,
  i8x16Shuffle: 0x0d,
  f32x4Ne: 0x42,
  f32x4Lt: 0x43,
  f32x4Gt: 0x44,
  v128Not: 0x4d,
  v128And: 0x4e,
  v128AndNot: 0x4f,
  v128Or: 0x50,
  v128Bitselect: 0x52,
  f32x4Sqrt: 0xe3,
  f32x4Add: 0xe4,
  f32x4Sub: 0xe5,
  f32x4Mul: 0xe6,
  f32x4Div: 0xe7,
  f32x4Max: 0xe9,
  f32x4Pmax: 0xeb,
} as const;

export const SectionId = { type: 1, import: 2, function: 3, memory: 5, export: 7, code: 10 } as const;
export const ExportKind = { function: 0x00, memory: 0x02 } as const;
