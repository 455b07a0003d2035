import { CodeWriter } from './code-writer';
import type { WasmFunction } from './module-emitter';
import { ValueType } from './opcodes';

/** How an Adam step applies weight decay: not at all, added to the gradient (Adam's L2), or scaling the parameter (AdamW). */
export type AdamDecay = 'none' | 'l2' | 'decoupled';

// Parameters: byte addresses of p, g, m, v and the count of f32x4; then the f32 scalars.
const A_P = 0, A_G = 1, A_M = 2, A_V = 3, A_N = 4;
const A_BETA1 = 5, A_ONE_MINUS_BETA1 = 6, A_BETA2 = 7, A_ONE_MINUS_BETA2 = 8, A_CORRECTION2_SQRT = 9, A_EPS = 10, A_STEP_SIZE = 11, A_DECAY = 12;
// Locals: the scalars splatted, then the lanes of one step.
const L_BETA1 = 13, L_ONE_MINUS_BETA1 = 14, L_BETA2 = 15, L_ONE_MINUS_BETA2 = 16, L_CORRECTION2_SQRT = 17, L_EPS = 18, L_STEP_SIZE = 19, L_DECAY = 20;
const L_PARAM = 21, L_GRAD = 22, L_M = 23, L_V = 24;

/**
 * adamStep(p, g, m, v, vectors, β1, 1 − β1, β2, 1 − β2, √(1 − β2^t), eps, lr / (1 − β1^t), decay):
 * one Adam step over `vectors` f32x4, p, m and v updated in place. Lane by lane, the float32
 * operations of core's composed update in its order (fused-updates/adam.ts):
 *   [l2: g ← g + p·wd]  [decoupled: p ← p·(1 − lr·wd)]
 *   m ← m·β1 + g·(1 − β1);  v ← v·β2 + (g·g)·(1 − β2);  p ← p − (m / (√v / √(1 − β2^t) + eps))·stepSize
 * On the first step the caller fills m and v with −0, the exact identity of addition (−0 + x is
 * x for every x, −0 included), so the sums are the composed first step's lone terms.
 */
export function adamStepFunction(name: string, decay: AdamDecay): WasmFunction {
  const { i32, f32, v128 } = ValueType;
  const w = new CodeWriter();
  const splats: [number, number][] = [
    [A_BETA1, L_BETA1], [A_ONE_MINUS_BETA1, L_ONE_MINUS_BETA1], [A_BETA2, L_BETA2], [A_ONE_MINUS_BETA2, L_ONE_MINUS_BETA2],
    [A_CORRECTION2_SQRT, L_CORRECTION2_SQRT], [A_EPS, L_EPS], [A_STEP_SIZE, L_STEP_SIZE], [A_DECAY, L_DECAY],
  ];
  for (const [param, local] of splats) w.localGet(param).f32x4Splat().localSet(local);
  w.block();
  w.localGet(A_N).i32Eqz().brIf(0);
  w.loop();
  w.localGet(A_P).v128Load(0).localSet(L_PARAM);
  w.localGet(A_G).v128Load(0).localSet(L_GRAD);
  if (decay === 'l2') w.localGet(L_GRAD).localGet(L_PARAM).localGet(L_DECAY).f32x4Mul().f32x4Add().localSet(L_GRAD);
  if (decay === 'decoupled') w.localGet(L_PARAM).localGet(L_DECAY).f32x4Mul().localSet(L_PARAM);
  // m
  w.localGet(A_M);
  w.localGet(A_M).v128Load(0).localGet(L_BETA1).f32x4Mul();
  w.localGet(L_GRAD).localGet(L_ONE_MINUS_BETA1).f32x4Mul().f32x4Add().localTee(L_M);
  w.v128Store(0);
  // v
  w.localGet(A_V);
  w.localGet(A_V).v128Load(0).localGet(L_BETA2).f32x4Mul();
  w.localGet(L_GRAD).localGet(L_GRAD).f32x4Mul().localGet(L_ONE_MINUS_BETA2).f32x4Mul().f32x4Add().localTee(L_V);
  w.v128Store(0);
  // p − (m / (√v / c2 + eps)) · stepSize
  w.localGet(A_P);
  w.localGet(L_PARAM);
  w.localGet(L_M);
  w.localGet(L_V).f32x4Sqrt().localGet(L_CORRECTION2_SQRT).f32x4Div().localGet(L_EPS).f32x4Add();
  w.f32x4Div().localGet(L_STEP_SIZE).f32x4Mul().f32x4Sub();
  w.v128Store(0);
  for (const p of [A_P, A_G, A_M, A_V]) w.localGet(p).i32Const(16).i32Add().localSet(p);
  w.localGet(A_N).i32Const(1).i32Sub().localTee(A_N).brIf(0);
  w.end();
  w.end();
  return {
    name,
    params: [i32, i32, i32, i32, i32, f32, f32, f32, f32, f32, f32, f32, f32],
    results: [],
    locals: new Array<ValueType>(12).fill(v128),
    code: w.code,
  };
}
