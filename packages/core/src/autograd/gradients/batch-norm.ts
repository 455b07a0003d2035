import { add, mul, neg, scalar, sqrt, sub, div } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { alongChannels, sumPerChannel } from './per-channel';

/**
 * Inference-mode batch norm, y = (x - mean) * s + bias with s = scale / sqrt(var + eps), all
 * per channel (frozen-BN fine-tuning). Every input gets its gradient, the running statistics
 * included: they are just inputs of a differentiable formula (torch's eval-mode batch_norm
 * has no derivative for them; a layer keeps them as buffers and never asks):
 *   dx     = dy * s
 *   dscale = Σ dy * x̂            with x̂ = (x - mean) / sqrt(var + eps)
 *   dbias  = Σ dy
 *   dmean  = -Σ dy * s
 *   dvar   = -½ Σ dy * x̂ * s / (var + eps)
 */
export const batchNormGradient: GradFn<'batchNorm'> = ([dy], { inputs: [x, scale, , mean, variance], attrs }) => {
  const rank = x!.rank;
  const std = sqrt(add(variance!, scalar(attrs.epsilon)));
  const s = div(scale!, std);
  const xHat = div(sub(x!, alongChannels(mean!, rank)), alongChannels(std, rank));
  const dyXHat = sumPerChannel(mul(dy!, xHat));
  const dbias = sumPerChannel(dy!);
  return [
    mul(dy!, alongChannels(s, rank)),
    dyXHat,
    dbias,
    neg(mul(dbias, s)),
    mul(mul(dyXHat, div(s, std)), scalar(-0.5)),
  ];
};
