import type { Module } from '../../nn/module';
import type { OptimizerState } from '../optimizers/optimizer-state';
import type { LrSchedule } from '../schedules/lr-schedule';
import type { CheckpointInput, EpochLogs } from '../checkpoint';

/** What fit() needs of an optimizer (every cnnkit Optimizer is one). */
export interface FitOptimizer {
  readonly paramGroups: readonly { lr: number }[];
  step(): void;
  zeroGrad(): void;
  stateDict(): Promise<OptimizerState>;
  loadStateDict(state: OptimizerState): void;
}

/** One training step's numbers, for progress display. */
export interface BatchLogs {
  /** Index of the batch within the epoch. */
  readonly batch: number;
  readonly batchSize: number;
  /** This batch's loss. */
  readonly loss: number;
  /** Sample-weighted mean loss of the epoch so far. */
  readonly meanLoss: number;
  /** Training metrics of the epoch so far, by name. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly samplesSeen: number;
}

/** The run as callbacks see it; set stopTraining to end training after the current epoch. */
export interface TrainingContext {
  readonly model: Module;
  readonly optimizer: FitOptimizer;
  readonly schedule: LrSchedule | undefined;
  /** The epoch count fit() runs up to (exclusive end of 0-based epoch indices). */
  readonly epochs: number;
  /** The first epoch index of this call (after a resume, the epochs already done). */
  readonly initialEpoch: number;
  readonly trainSize: number;
  readonly numBatches: number | undefined;
  /** Every finished epoch's logs, those before a resume included. */
  readonly history: readonly EpochLogs[];
  /** Optimizer steps taken, before a resume included. */
  readonly step: number;
  stopTraining: boolean;
  stopReason: string | undefined;
  /** All a checkpoint needs to resume after the last finished epoch (model, optimizer, schedule, RNGs, history, callbacks' state). */
  checkpointInput(): Promise<CheckpointInput>;
}

/**
 * Hooks into fit(), all optional and possibly async. A callback whose behaviour depends on what
 * it has seen (early stopping's best value) gives it a `name` and stateDict / loadStateDict, and
 * fit() puts that state into checkpoints so a resumed run carries on exactly.
 */
export interface Callback {
  /** Key of this callback's state in checkpoints; required with stateDict, unique within a run. */
  readonly name?: string;
  /** Run onEpochEnd after the other callbacks (checkpoint writers: they save what the others decided). */
  readonly runsLast?: boolean;
  onTrainBegin?(ctx: TrainingContext): void | Promise<void>;
  onEpochBegin?(epoch: number, ctx: TrainingContext): void | Promise<void>;
  onBatchEnd?(logs: BatchLogs, ctx: TrainingContext): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: EpochLogs, ctx: TrainingContext): void | Promise<void>;
  onTrainEnd?(ctx: TrainingContext): void | Promise<void>;
  stateDict?(): unknown;
  loadStateDict?(state: unknown): void;
}
