import type { Parameter } from '../../nn/parameter';
import type { Tensor } from '../../tensor/tensor';
import { type AdamOptions, adamUpdate, validateAdam } from './adam-update';
import { Optimizer, type ParamsInput } from './optimizer';
import type { ParamState } from './param-state';
import { checkKnownOptions, definedOnly } from './hyper-checks';

/** torch.optim.AdamW's defaults: as Adam's, but weight decay 1e-2. */
export const ADAMW_DEFAULTS: Readonly<AdamOptions> = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2, amsgrad: false };

/** torch.optim.AdamW: decoupled weight decay, p ← p − lr·wd·p before the Adam update. */
export class AdamW extends Optimizer<AdamOptions> {
  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamOptions> = {}) {
    checkKnownOptions(options, ADAMW_DEFAULTS, 'AdamW options');
    super('AdamW', params, { ...ADAMW_DEFAULTS, ...definedOnly(options) });
  }

  protected validate(o: AdamOptions, where: string): void {
    validateAdam(o, where);
  }

  protected update(param: Parameter, grad: Tensor, o: AdamOptions, state: ParamState): void {
    adamUpdate(param, grad, o, state, true);
  }
}
