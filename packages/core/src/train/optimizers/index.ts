export { ADAM_DEFAULTS, Adam } from './adam';
export type { AdamOptions } from './adam-update';
export { ADAMW_DEFAULTS, AdamW } from './adamw';
export { type Hyper, Optimizer, type ParamGroup, type ParamGroupSpec, type ParamsInput } from './optimizer';
export type { HyperValue, OptimizerState, SavedParamGroup, SavedParamState } from './optimizer-state';
export type { ParamState } from './param-state';
export { SGD, SGD_DEFAULTS, type SgdOptions } from './sgd';
