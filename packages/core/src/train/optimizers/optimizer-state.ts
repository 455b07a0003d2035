import type { TensorValue } from '../../tensor/tensor';

/** A hyper-parameter's value: lr, momentum, eps (numbers), nesterov, amsgrad (flags), betas (a pair). */
export type HyperValue = number | boolean | readonly [number, number];

/** What an optimizer keeps per parameter: tensors (momentum_buffer, exp_avg, ...) and counters (step). */
export type SavedParamState = Readonly<Record<string, TensorValue | number>>;

export interface SavedParamGroup {
  /** Indices of the group's parameters, counted across groups in order, like torch. */
  readonly params: readonly number[];
  readonly options: Readonly<Record<string, HyperValue>>;
}

/**
 * Everything a checkpoint needs to resume an optimizer exactly, like torch's optimizer.state_dict():
 * per-parameter state keyed by parameter index (torch's names: momentum_buffer, exp_avg,
 * exp_avg_sq, max_exp_avg_sq, step) and every group's hyper-parameters, lr included.
 */
export interface OptimizerState {
  readonly optimizer: string;
  readonly state: Readonly<Record<number, SavedParamState>>;
  readonly paramGroups: readonly SavedParamGroup[];
}
