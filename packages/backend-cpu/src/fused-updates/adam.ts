import { type FusedAdamResult, type FusedAdamStep, type Tensor, CnnkitError, formatShape, shapesEqual } from '@cnnkit/core';
import { wasmGemmKernel, wasmHeap, wasmSimdSupported } from '../gemm/wasm/wasm-kernel';
import { cpuTensor, f32 } from '../tensor';

const f = Math.fround;

/** The step's constants, each rounded to float32 as the composed update's scalar tensors are. */
interface AdamConstants {
  readonly beta1: number; readonly oneMinusBeta1: number; readonly beta2: number; readonly oneMinusBeta2: number;
  readonly correction2Sqrt: number; readonly eps: number; readonly stepSize: number;
  /** Adam's L2 factor (g ← g + p·wd) or AdamW's shrink (p ← p·(1 − lr·wd)), per `decay`. */
  readonly decay: number;
}

/**
 * One Adam / AdamW step over the parameter's values in one pass (core's FusedUpdates.adam): the
 * float32 operations of core's composed update (train/optimizers/adam-update.ts) in its order,
 * so the result is bit for bit that of its thirteen elementwise ops, without their dispatches
 * and intermediate tensors. Where WebAssembly SIMD is there, the module's adamStep does it four
 * lanes at a time (a JavaScript loop spends ~10 ns a value on its two divisions and square root
 * in double precision); elsewhere the same operations run in JavaScript, rounded with fround.
 */
export function fusedAdam(s: FusedAdamStep, path: 'wasm' | 'js' = wasmSimdSupported() ? 'wasm' : 'js'): FusedAdamResult {
  const p = values(s.param, 'param', s.param), g = values(s.grad, 'grad', s.param);
  const m0 = s.expAvg && values(s.expAvg, 'expAvg', s.param), v0 = s.expAvgSq && values(s.expAvgSq, 'expAvgSq', s.param);
  const decay = s.weightDecay === 0 ? 'none' : s.decoupled ? 'decoupled' : 'l2';
  const c: AdamConstants = {
    beta1: f(s.beta1), oneMinusBeta1: f(1 - s.beta1), beta2: f(s.beta2), oneMinusBeta2: f(1 - s.beta2),
    correction2Sqrt: f(Math.sqrt(1 - s.beta2 ** s.step)), eps: f(s.eps), stepSize: f(s.lr / (1 - s.beta1 ** s.step)),
    decay: decay === 'l2' ? f(s.weightDecay) : decay === 'decoupled' ? f(1 - s.lr * s.weightDecay) : 0,
  };
  const n = p.length;
  const out = { p: new Float32Array(n), m: new Float32Array(n), v: new Float32Array(n) };
  if (path === 'wasm') wasmAdam(p, g, m0, v0, decay, c, out);
  else jsAdam(p, g, m0, v0, decay, c, out);
  const shape = s.param.shape;
  return { param: cpuTensor(out.p, shape), expAvg: cpuTensor(out.m, shape), expAvgSq: cpuTensor(out.v, shape) };
}

type Outputs = { readonly p: Float32Array; readonly m: Float32Array; readonly v: Float32Array };

function wasmAdam(p: Float32Array, g: Float32Array, m0: Float32Array | undefined, v0: Float32Array | undefined, decay: 'none' | 'l2' | 'decoupled', c: AdamConstants, out: Outputs): void {
  const kernel = wasmGemmKernel();
  const n = p.length, padded = Math.ceil(n / 4) * 4;
  const heap = wasmHeap(kernel, 4 * padded * 4);
  heap.set(p, 0);
  heap.set(g, padded);
  // No state yet: −0, the exact identity of addition, so m·β1 + x and v·β2 + x are x (see adam-kernels.ts).
  if (m0) heap.set(m0, 2 * padded); else heap.fill(-0, 2 * padded, 3 * padded);
  if (v0) heap.set(v0, 3 * padded); else heap.fill(-0, 3 * padded, 4 * padded);
  const step = decay === 'l2' ? kernel.adamStepL2 : decay === 'decoupled' ? kernel.adamStepDecoupled : kernel.adamStep;
  step(0, padded * 4, 2 * padded * 4, 3 * padded * 4, padded / 4, c.beta1, c.oneMinusBeta1, c.beta2, c.oneMinusBeta2, c.correction2Sqrt, c.eps, c.stepSize, c.decay);
  out.p.set(heap.subarray(0, n));
  out.m.set(heap.subarray(2 * padded, 2 * padded + n));
  out.v.set(heap.subarray(3 * padded, 3 * padded + n));
}

function jsAdam(p: Float32Array, g: Float32Array, m0: Float32Array | undefined, v0: Float32Array | undefined, decay: 'none' | 'l2' | 'decoupled', c: AdamConstants, out: Outputs): void {
  for (let i = 0; i < p.length; i++) {
    let pi = p[i]!, gi = g[i]!;
    if (decay === 'l2') gi = f(gi + f(pi * c.decay));
    else if (decay === 'decoupled') pi = f(pi * c.decay);
    const mi = m0 ? f(f(m0[i]! * c.beta1) + f(gi * c.oneMinusBeta1)) : f(gi * c.oneMinusBeta1);
    const g2 = f(f(gi * gi) * c.oneMinusBeta2);
    const vi = v0 ? f(f(v0[i]! * c.beta2) + g2) : g2;
    const denom = f(f(f(Math.sqrt(vi)) / c.correction2Sqrt) + c.eps);
    out.p[i] = pi - f(f(mi / denom) * c.stepSize);
    out.m[i] = mi;
    out.v[i] = vi;
  }
}

/** A float32 tensor of the parameter's shape, or an error naming the mismatch. */
function values(t: Tensor, name: string, param: Tensor): Float32Array {
  if (!shapesEqual(t.shape, param.shape)) {
    throw new CnnkitError('SHAPE_MISMATCH', `fused Adam: ${name} is ${formatShape(t.shape)}; expected the parameter's shape ${formatShape(param.shape)}`, { given: formatShape(t.shape), expected: formatShape(param.shape) });
  }
  return f32(t);
}
