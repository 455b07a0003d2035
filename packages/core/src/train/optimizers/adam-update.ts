import type { FusedAdamResult, FusedAdamStep } from '../../backend/backend';
import { engine } from '../../eager/engine';
import { add, concat, div, mul, reduceMax, reshape, scalar, sqrt, sub } from '../../eager/functional';
import type { Parameter } from '../../nn/parameter';
import type { Tensor } from '../../tensor/tensor';
import { checkBetas, checkFlag, checkNonNegative } from './hyper-checks';
import type { ParamState } from './param-state';

export type AdamOptions = {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
};

export function validateAdam(o: AdamOptions, where: string): void {
  checkNonNegative(o.lr, 'lr', where);
  checkBetas(o.betas, where);
  checkNonNegative(o.eps, 'eps', where);
  checkNonNegative(o.weightDecay, 'weightDecay', where);
  checkFlag(o.amsgrad, 'amsgrad', where);
}

/**
 * One Adam / AdamW update in torch 1.13's order (torch.optim._functional adam / adamw):
 *   decoupled (AdamW): p ← p·(1 − lr·wd);   else (Adam): g ← g + wd·p
 *   m ← β1·m + (1 − β1)·g;   v ← β2·v + (1 − β2)·g²;   [amsgrad: v̂ ← max(v̂, v), used for v]
 *   p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + eps)
 * The bias corrections are plain numbers from the step count t, applied as scalars. A backend
 * with a fused Adam (FusedUpdates) runs the update as one kernel, except amsgrad's.
 */
export function adamUpdate(param: Parameter, grad: Tensor, o: AdamOptions, state: ParamState, decoupled: boolean): void {
  const [beta1, beta2] = o.betas;
  const step = state.counter('step') + 1;
  state.setCounter('step', step);
  const m0 = state.tensor('exp_avg');
  const v0 = state.tensor('exp_avg_sq');
  const fused = o.amsgrad ? undefined : fusedAdamFor([param.value, grad, m0, v0]);
  if (fused) {
    const args: FusedAdamStep = { param: param.value, grad, lr: o.lr, beta1, beta2, eps: o.eps, weightDecay: o.weightDecay, decoupled, step, ...(m0 && { expAvg: m0 }), ...(v0 && { expAvgSq: v0 }) };
    const next = fused(args);
    state.setTensor('exp_avg', next.expAvg);
    state.setTensor('exp_avg_sq', next.expAvgSq);
    param.assign(next.param);
    return;
  }
  let p = param.value;
  let g = grad;
  if (o.weightDecay !== 0) {
    if (decoupled) p = mul(p, scalar(1 - o.lr * o.weightDecay));
    else g = add(g, mul(p, scalar(o.weightDecay)));
  }
  // torch starts m and v at zero; β·0 + x = x, so the first step starts from the new term directly.
  const m = m0 ? add(mul(m0, scalar(beta1)), mul(g, scalar(1 - beta1))) : mul(g, scalar(1 - beta1));
  const g2 = mul(mul(g, g), scalar(1 - beta2));
  const v = v0 ? add(mul(v0, scalar(beta2)), g2) : g2;
  state.setTensor('exp_avg', m);
  state.setTensor('exp_avg_sq', v);
  let second = v;
  if (o.amsgrad) {
    const vMax0 = state.tensor('max_exp_avg_sq');
    second = vMax0 ? maximum(vMax0, v) : mul(v, scalar(1));
    state.setTensor('max_exp_avg_sq', second);
  }
  const biasCorrection1 = 1 - beta1 ** step;
  const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** step);
  const stepSize = o.lr / biasCorrection1;
  const denom = add(div(sqrt(second), scalar(biasCorrection2Sqrt)), scalar(o.eps));
  param.assign(sub(p, mul(div(m, denom), scalar(stepSize))));
}

/**
 * The current backend's fused Adam, when it has one and every tensor of the update (float32)
 * lives on it; otherwise the composed update runs (and moves or refuses tensors as ops do).
 */
function fusedAdamFor(tensors: readonly (Tensor | undefined)[]): ((step: FusedAdamStep) => FusedAdamResult) | undefined {
  const backend = engine.tracer ? undefined : engine.activeBackend;
  const adam = backend?.fusedUpdates?.adam;
  if (!backend || !adam) return undefined;
  for (const t of tensors) if (t !== undefined && (t.backend !== backend.name || t.dtype !== 'float32')) return undefined;
  return (step) => adam.call(backend.fusedUpdates, step);
}

/** Elementwise max of two same-shaped tensors, exactly (no (a + b + |a − b|) / 2 rounding). */
function maximum(a: Tensor, b: Tensor): Tensor {
  const stacked = [1, ...a.shape];
  return reduceMax(concat([reshape(a, stacked), reshape(b, stacked)], 0), [0]);
}
