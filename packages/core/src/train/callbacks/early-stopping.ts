import { CnnkitError } from '../../errors';
import type { TensorValue } from '../../tensor/tensor';
import type { EpochLogs } from '../checkpoint';
import type { Callback, TrainingContext } from './callback';
import { type MonitorMode, improves, monitored, resolveMode } from './monitor';

export interface EarlyStoppingOptions {
  /** Epoch log key to watch: 'val_loss' (default), 'val_accuracy', 'loss', ... */
  readonly monitor?: string;
  readonly mode?: MonitorMode;
  /** Epochs without improvement tolerated before stopping (default 0). */
  readonly patience?: number;
  /** An improvement must beat the best by more than this (default 0). */
  readonly minDelta?: number;
  /** Keep a copy of the best epoch's state dict and load it when training ends (default false). */
  readonly restoreBestWeights?: boolean;
  /** Key of this callback's state in checkpoints (default 'early_stopping'). */
  readonly name?: string;
}

interface EarlyStoppingState {
  readonly best: number;
  readonly bestEpoch: number;
  readonly wait: number;
  readonly lastEpoch: number;
  readonly bestWeights: Record<string, TensorValue> | null;
}

/**
 * Keras's EarlyStopping: stops training once the monitored value has not improved for
 * `patience` epochs. With restoreBestWeights it keeps a host copy of the best epoch's state dict
 * and loads it back into the model when training ends (early or not), so the model fit()
 * returns is the best one seen. Its state, best weights included, goes into checkpoints.
 */
export class EarlyStopping implements Callback {
  readonly name: string;
  readonly monitor: string;
  readonly mode: 'min' | 'max';
  readonly patience: number;
  readonly minDelta: number;
  readonly restoreBestWeights: boolean;
  best = Infinity;
  bestEpoch = -1;
  wait = 0;
  /** The epoch after which training was stopped, or -1. */
  stoppedEpoch = -1;
  #lastEpoch = -1;
  #bestWeights: Record<string, TensorValue> | undefined;

  constructor(options: EarlyStoppingOptions = {}) {
    const where = 'EarlyStopping';
    this.monitor = options.monitor ?? 'val_loss';
    this.mode = resolveMode(this.monitor, options.mode ?? 'auto', where);
    this.patience = options.patience ?? 0;
    this.minDelta = Math.abs(options.minDelta ?? 0);
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.name = options.name ?? 'early_stopping';
    if (!Number.isInteger(this.patience) || this.patience < 0) throw new CnnkitError('INVALID_ARGUMENT', `${where}: patience is ${this.patience}; expected an integer >= 0`);
    if (!Number.isFinite(this.minDelta)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: minDelta is ${options.minDelta}; expected a finite number`);
    this.#reset();
  }

  onTrainBegin(): void {
    this.#reset();
  }

  async onEpochEnd(epoch: number, logs: EpochLogs, ctx: TrainingContext): Promise<void> {
    const current = monitored(logs, this.monitor, 'EarlyStopping');
    this.#lastEpoch = epoch;
    if (improves(current, this.best, this.mode, this.minDelta)) {
      this.best = current;
      this.bestEpoch = epoch;
      this.wait = 0;
      if (this.restoreBestWeights) this.#bestWeights = await ctx.model.stateDict();
      return;
    }
    this.wait++;
    if (this.wait >= this.patience) {
      this.stoppedEpoch = epoch;
      ctx.stopTraining = true;
      ctx.stopReason = `EarlyStopping: ${this.monitor} has not improved on ${this.best} (epoch ${this.bestEpoch}) for ${this.wait} epoch(s)`;
    }
  }

  onTrainEnd(ctx: TrainingContext): void {
    if (this.restoreBestWeights && this.#bestWeights && this.bestEpoch !== this.#lastEpoch) {
      ctx.model.loadStateDict(this.#bestWeights);
    }
  }

  /** The best epoch's state dict (with restoreBestWeights), as kept. */
  get bestWeights(): Readonly<Record<string, TensorValue>> | undefined {
    return this.#bestWeights;
  }

  stateDict(): EarlyStoppingState {
    return { best: this.best, bestEpoch: this.bestEpoch, wait: this.wait, lastEpoch: this.#lastEpoch, bestWeights: this.#bestWeights ?? null };
  }

  loadStateDict(state: unknown): void {
    const s = state as Partial<EarlyStoppingState> | null;
    if (typeof s !== 'object' || s === null || typeof s.best !== 'number' || !Number.isInteger(s.bestEpoch) || !Number.isInteger(s.wait) || !Number.isInteger(s.lastEpoch)) {
      throw new CnnkitError('INVALID_ARGUMENT', `EarlyStopping.loadStateDict: given ${JSON.stringify(s)?.slice(0, 200)}; expected { best, bestEpoch, wait, lastEpoch, bestWeights } from stateDict()`);
    }
    this.best = s.best;
    this.bestEpoch = s.bestEpoch!;
    this.wait = s.wait!;
    this.#lastEpoch = s.lastEpoch!;
    this.#bestWeights = s.bestWeights ?? undefined;
  }

  #reset(): void {
    this.best = this.mode === 'min' ? Infinity : -Infinity;
    this.bestEpoch = -1;
    this.wait = 0;
    this.stoppedEpoch = -1;
    this.#lastEpoch = -1;
    this.#bestWeights = undefined;
  }
}
