import { CnnkitError } from '../../errors';
import { saveCheckpoint } from '../checkpoint';
import type { EpochLogs } from '../checkpoint';
import type { Callback, TrainingContext } from './callback';
import { type MonitorMode, improves, monitored, resolveMode } from './monitor';

export interface ModelCheckpointOptions {
  /** Save after every n-th epoch (default 1). */
  readonly everyEpochs?: number;
  /** Save only when the monitored value improves on the best saved so far (default false). */
  readonly saveBestOnly?: boolean;
  readonly monitor?: string;
  readonly mode?: MonitorMode;
  /** Key of this callback's state in checkpoints (default 'model_checkpoint'). */
  readonly name?: string;
}

/**
 * Saves a resumable checkpoint (saveCheckpoint: model, optimizer, schedule, epoch, step, RNG
 * states, history, callbacks' state; written atomically) at the end of epochs. `path` may hold
 * '{epoch}', replaced by the number of epochs completed. Runs after the other callbacks, so
 * what it saves includes their decisions for the epoch.
 */
export class ModelCheckpoint implements Callback {
  readonly name: string;
  readonly runsLast = true;
  readonly everyEpochs: number;
  readonly saveBestOnly: boolean;
  readonly monitor: string;
  readonly mode: 'min' | 'max';
  best = Infinity;
  /** Paths written, in order. */
  readonly saved: string[] = [];

  constructor(readonly path: string, options: ModelCheckpointOptions = {}) {
    this.everyEpochs = options.everyEpochs ?? 1;
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.monitor = options.monitor ?? 'val_loss';
    this.mode = resolveMode(this.monitor, options.mode ?? 'auto', 'ModelCheckpoint');
    this.name = options.name ?? 'model_checkpoint';
    if (!Number.isInteger(this.everyEpochs) || this.everyEpochs < 1) {
      throw new CnnkitError('INVALID_ARGUMENT', `ModelCheckpoint('${path}'): everyEpochs is ${this.everyEpochs}; expected a positive integer`);
    }
    this.onTrainBegin();
  }

  onTrainBegin(): void {
    this.best = this.mode === 'min' ? Infinity : -Infinity;
  }

  async onEpochEnd(epoch: number, logs: EpochLogs, ctx: TrainingContext): Promise<void> {
    const completed = epoch + 1;
    if (completed % this.everyEpochs !== 0) return;
    if (this.saveBestOnly) {
      const current = monitored(logs, this.monitor, `ModelCheckpoint('${this.path}')`);
      if (!improves(current, this.best, this.mode, 0)) return;
      this.best = current;
    }
    const file = this.path.replaceAll('{epoch}', String(completed));
    await saveCheckpoint(file, await ctx.checkpointInput());
    this.saved.push(file);
  }

  stateDict(): { best: number } {
    return { best: this.best };
  }

  loadStateDict(state: unknown): void {
    const best = (state as { best?: unknown } | null)?.best;
    if (typeof best !== 'number') throw new CnnkitError('INVALID_ARGUMENT', `ModelCheckpoint.loadStateDict: given ${JSON.stringify(state)}; expected { best: number }`);
    this.best = best;
  }
}
