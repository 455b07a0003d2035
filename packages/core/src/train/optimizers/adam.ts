import type { Parameter } from '../../nn/parameter';
import type { Tensor } from '../../tensor/tensor';
import { type AdamOptions, adamUpdate, validateAdam } from './adam-update';
import { Optimizer, type ParamsInput } from './optimizer';
import type { ParamState } from './param-state';
import { checkKnownOptions, definedOnly } from './hyper-checks';

export const ADAM_DEFAULTS: Readonly<AdamOptions> = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false };

/** torch.optim.Adam: weight decay is L2, added to the gradient before the moments. */
export class Adam extends Optimizer<AdamOptions> {
  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamOptions> = {}) {
    checkKnownOptions(options, ADAM_DEFAULTS, 'Adam options');
    super('Adam', params, { ...ADAM_DEFAULTS, ...definedOnly(options) });
  }

  protected validate(o: AdamOptions, where: string): void {
    validateAdam(o, where);
  }

  protected update(param: Parameter, grad: Tensor, o: AdamOptions, state: ParamState): void {
    adamUpdate(param, grad, o, state, false);
  }
}
