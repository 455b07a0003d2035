import { add, mul, scalar, sub } from '../../eager/functional';
import { CnnkitError } from '../../errors';
import type { Parameter } from '../../nn/parameter';
import type { Tensor } from '../../tensor/tensor';
import { checkFlag, checkNonNegative, checkKnownOptions, definedOnly } from './hyper-checks';
import { Optimizer, type ParamsInput } from './optimizer';
import type { ParamState } from './param-state';

export type SgdOptions = {
  lr: number;
  momentum: number;
  dampening: number;
  weightDecay: number;
  nesterov: boolean;
};

/** torch.optim.SGD's defaults (lr as torch ≥ 2.2, which made it optional). */
export const SGD_DEFAULTS: Readonly<SgdOptions> = { lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false };

/**
 * torch.optim.SGD, in torch's order:
 *   g ← grad + wd·p;
 *   b ← g on the first step, else μ·b + (1 − dampening)·g;
 *   g ← g + μ·b (Nesterov) or b;
 *   p ← p − lr·g.
 */
export class SGD extends Optimizer<SgdOptions> {
  constructor(params: ParamsInput<SgdOptions>, options: Partial<SgdOptions> = {}) {
    checkKnownOptions(options, SGD_DEFAULTS, 'SGD options');
    super('SGD', params, { ...SGD_DEFAULTS, ...definedOnly(options) });
  }

  protected validate(o: SgdOptions, where: string): void {
    checkNonNegative(o.lr, 'lr', where);
    checkNonNegative(o.momentum, 'momentum', where);
    checkNonNegative(o.dampening, 'dampening', where);
    checkNonNegative(o.weightDecay, 'weightDecay', where);
    checkFlag(o.nesterov, 'nesterov', where);
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: nesterov needs momentum > 0 and dampening 0; given momentum ${o.momentum}, dampening ${o.dampening}`);
    }
  }

  protected update(param: Parameter, grad: Tensor, o: SgdOptions, state: ParamState): void {
    let g = o.weightDecay !== 0 ? add(grad, mul(param.value, scalar(o.weightDecay))) : grad;
    if (o.momentum !== 0) {
      const previous = state.tensor('momentum_buffer');
      // The first buffer is a copy of g (g may be the gradient itself, which zeroGrad disposes); ×1 is exact.
      const buffer = previous
        ? add(mul(previous, scalar(o.momentum)), mul(g, scalar(1 - o.dampening)))
        : mul(g, scalar(1));
      state.setTensor('momentum_buffer', buffer);
      g = o.nesterov ? add(g, mul(buffer, scalar(o.momentum))) : buffer;
    }
    param.assign(sub(param.value, mul(g, scalar(o.lr))));
  }
}
