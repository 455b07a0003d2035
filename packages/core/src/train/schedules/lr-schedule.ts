/** What a schedule drives: an optimizer's parameter groups, each with its own mutable lr. */
export interface LrGroups {
  readonly paramGroups: readonly { lr: number }[];
}

/** A closed-form schedule's saved position: lr = f(base lr, lastEpoch) per group. */
export interface ClosedFormScheduleState {
  readonly kind: 'StepLR' | 'CosineAnnealingLR' | 'LinearWarmup';
  readonly lastEpoch: number;
  readonly baseLrs: readonly number[];
}

/** ReduceLROnPlateau's counters; `best` is null until a metric has been seen (JSON has no Infinity). */
export interface PlateauScheduleState {
  readonly kind: 'ReduceLROnPlateau';
  readonly lastEpoch: number;
  readonly best: number | null;
  readonly numBadEpochs: number;
  readonly cooldownCounter: number;
}

export type LrScheduleState = ClosedFormScheduleState | PlateauScheduleState;

/** torch.optim.lr_scheduler's interface: step() once per epoch (or per batch), state for checkpoints. */
export interface LrSchedule {
  readonly kind: LrScheduleState['kind'];
  /** Steps taken since construction (torch's last_epoch). */
  readonly lastEpoch: number;
  /** Advances one step; ReduceLROnPlateau needs the monitored metric. */
  step(metric?: number): void;
  /** The groups' learning rates now (torch's get_last_lr()). */
  lastLrs(): number[];
  stateDict(): LrScheduleState;
  loadStateDict(state: LrScheduleState): void;
}
