export { ClosedFormSchedule } from './closed-form-schedule';
export { CosineAnnealingLR } from './cosine-annealing-lr';
export { LinearWarmup } from './linear-warmup';
export type { ClosedFormScheduleState, LrGroups, LrSchedule, LrScheduleState, PlateauScheduleState } from './lr-schedule';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './reduce-lr-on-plateau';
export { StepLR } from './step-lr';
