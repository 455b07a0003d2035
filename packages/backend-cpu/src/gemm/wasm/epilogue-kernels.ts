import { CodeWriter } from './code-writer';
import type { WasmFunction } from './module-emitter';
import { ValueType } from './opcodes';

// Parameters, then locals, of the epilogue functions.
const P_C = 0, P_ROWS = 1, P_VECTORS = 2, P_LDC = 3, P_BIAS = 4;
const L_ROW = 5, L_PTR = 6, L_Q = 7, L_R = 8, L_BIAS_V = 9;

/**
 * An epilogue over `rows` rows of a C block in the module's memory, in place, four floats at a
 * time: (c, rows, vectors, ldcBytes, bias) adds bias[r] (f32 at bias + 4r) to row r and/or
 * applies relu, over `vectors` f32x4 per row. relu is f32x4.pmax(v, 0) = v < 0 ? 0 : v, lane by
 * lane — exactly the relu kernel's rule (NaN and −0 stay), with no branch: in JavaScript that
 * branch mispredicts on real data and costs several times the addition itself.
 */
export function epilogueFunction(name: string, bias: boolean, relu: boolean): WasmFunction {
  const { i32, v128 } = ValueType;
  const w = new CodeWriter();
  w.localGet(P_C).localSet(L_ROW);
  w.i32Const(0).localSet(L_R);
  w.block();
  w.localGet(P_ROWS).i32Eqz().brIf(0);
  w.loop(); // rows
  if (bias) w.localGet(P_BIAS).v128Load32Splat(0).localSet(L_BIAS_V);
  w.localGet(L_ROW).localSet(L_PTR);
  w.localGet(P_VECTORS).localSet(L_Q);
  w.block();
  w.localGet(L_Q).i32Eqz().brIf(0);
  w.loop(); // vectors of the row
  w.localGet(L_PTR);
  w.localGet(L_PTR).v128Load(0);
  if (bias) w.localGet(L_BIAS_V).f32x4Add();
  if (relu) w.v128Zero().f32x4Pmax();
  w.v128Store(0);
  w.localGet(L_PTR).i32Const(16).i32Add().localSet(L_PTR);
  w.localGet(L_Q).i32Const(1).i32Sub().localTee(L_Q).brIf(0);
  w.end();
  w.end();
  w.localGet(L_ROW).localGet(P_LDC).i32Add().localSet(L_ROW);
  if (bias) w.localGet(P_BIAS).i32Const(4).i32Add().localSet(P_BIAS);
  w.localGet(L_R).i32Const(1).i32Add().localTee(L_R).localGet(P_ROWS).i32LtU().brIf(0);
  w.end();
  w.end();
  return { name, params: [i32, i32, i32, i32, i32], results: [], locals: [i32, i32, i32, i32, v128], code: w.code };
}

// Parameters, then locals, of addRelu.
const P_A = 0, P_B = 1, P_N = 2;
const L_I = 3;

/**
 * addRelu(a, b, vectors): a[i] = relu(a[i] + b[i]) over `vectors` f32x4, in place in a — a
 * residual block's add and relu, branch-free as in epilogueFunction.
 */
export function addReluFunction(name: string): WasmFunction {
  const { i32 } = ValueType;
  const w = new CodeWriter();
  w.localGet(P_N).localSet(L_I);
  w.block();
  w.localGet(L_I).i32Eqz().brIf(0);
  w.loop();
  w.localGet(P_A);
  w.localGet(P_A).v128Load(0).localGet(P_B).v128Load(0).f32x4Add();
  w.v128Zero().f32x4Pmax();
  w.v128Store(0);
  w.localGet(P_A).i32Const(16).i32Add().localSet(P_A);
  w.localGet(P_B).i32Const(16).i32Add().localSet(P_B);
  w.localGet(L_I).i32Const(1).i32Sub().localTee(L_I).brIf(0);
  w.end();
  w.end();
  return { name, params: [i32, i32, i32], results: [], locals: [i32], code: w.code };
}

/** The elementwise binary ops the module has, by their op names. */
export type WasmBinaryOp = 'add' | 'sub' | 'mul' | 'div';

// Parameters, then locals, of the elementwise functions.
const E_A = 0, E_B = 1, E_OUT = 2, E_N = 3;

/**
 * <op>(a, b, out, vectors): out[i] = a[i] <op> b[i] over `vectors` f32x4 (out may be a or b).
 * f32 arithmetic gives the bits JavaScript's double arithmetic rounded to float32 gives for one
 * +, −, × or ÷ of two floats (double rounding is exact for these at 53 ≥ 2·24 + 2 bits).
 */
export function binaryFunction(name: string, op: WasmBinaryOp): WasmFunction {
  const { i32 } = ValueType;
  const w = new CodeWriter();
  w.block();
  w.localGet(E_N).i32Eqz().brIf(0);
  w.loop();
  w.localGet(E_OUT);
  w.localGet(E_A).v128Load(0).localGet(E_B).v128Load(0);
  if (op === 'add') w.f32x4Add();
  else if (op === 'sub') w.f32x4Sub();
  else if (op === 'mul') w.f32x4Mul();
  else w.f32x4Div();
  w.v128Store(0);
  for (const p of [E_A, E_B, E_OUT]) w.localGet(p).i32Const(16).i32Add().localSet(p);
  w.localGet(E_N).i32Const(1).i32Sub().localTee(E_N).brIf(0);
  w.end();
  w.end();
  return { name, params: [i32, i32, i32, i32], results: [], locals: [], code: w.code };
}

// Parameters of sign.
const S_X = 0, S_OUT = 1, S_N = 2;
const S_V = 3;

/**
 * sign(x, out, vectors): 1 where x > 0, −1 where x < 0, x itself elsewhere (±0 and NaN), as the
 * sign kernel (Math.sign) — with two compares and two bit selects instead of branches.
 */
export function signFunction(name: string): WasmFunction {
  const { i32, v128 } = ValueType;
  const w = new CodeWriter();
  w.block();
  w.localGet(S_N).i32Eqz().brIf(0);
  w.loop();
  w.localGet(S_OUT);
  w.localGet(S_X).v128Load(0).localSet(S_V);
  // x < 0 ? −1 : (x > 0 ? 1 : x)
  w.f32x4Const(-1);
  w.f32x4Const(1).localGet(S_V).localGet(S_V).v128Zero().f32x4Gt().v128Bitselect();
  w.localGet(S_V).v128Zero().f32x4Lt().v128Bitselect();
  w.v128Store(0);
  w.localGet(S_X).i32Const(16).i32Add().localSet(S_X);
  w.localGet(S_OUT).i32Const(16).i32Add().localSet(S_OUT);
  w.localGet(S_N).i32Const(1).i32Sub().localTee(S_N).brIf(0);
  w.end();
  w.end();
  return { name, params: [i32, i32, i32], results: [], locals: [v128], code: w.code };
}
