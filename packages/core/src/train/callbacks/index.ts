export type { BatchLogs, Callback, FitOptimizer, TrainingContext } from './callback';
export { EarlyStopping, type EarlyStoppingOptions } from './early-stopping';
export { ModelCheckpoint, type ModelCheckpointOptions } from './model-checkpoint';
export type { MonitorMode } from './monitor';
export { ProgressCallback, type ProgressOptions } from './progress';
