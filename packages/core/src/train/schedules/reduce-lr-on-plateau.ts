import { CnnkitError } from '../../errors';
import { checkScheduleNumber } from './check';
import type { LrGroups, LrSchedule, LrScheduleState, PlateauScheduleState } from './lr-schedule';

export interface ReduceLROnPlateauOptions {
  /** 'min': lower metric is better (a loss); 'max': higher is better (accuracy). */
  readonly mode?: 'min' | 'max';
  /** lr ← lr · factor on a plateau; must be < 1. */
  readonly factor?: number;
  /** Bad steps tolerated before reducing. */
  readonly patience?: number;
  readonly threshold?: number;
  /** 'rel': better means beyond best·(1 ∓ threshold); 'abs': beyond best ∓ threshold. */
  readonly thresholdMode?: 'rel' | 'abs';
  /** Steps to wait after a reduction before counting bad steps again. */
  readonly cooldown?: number;
  /** A floor for every group's lr, or one floor per group. */
  readonly minLr?: number | readonly number[];
  /** Reductions smaller than eps are skipped. */
  readonly eps?: number;
}

const WHERE = 'ReduceLROnPlateau';

/**
 * torch.optim.lr_scheduler.ReduceLROnPlateau: multiplies every group's current lr by factor
 * (not below minLr) once the metric has not improved for more than `patience` steps.
 */
export class ReduceLROnPlateau implements LrSchedule {
  readonly kind = 'ReduceLROnPlateau' as const;
  readonly mode: 'min' | 'max';
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: 'rel' | 'abs';
  readonly cooldown: number;
  readonly eps: number;
  readonly #minLr: number | readonly number[];
  #lastEpoch = 0;
  #best: number;
  #numBadEpochs = 0;
  #cooldownCounter = 0;

  constructor(readonly optimizer: LrGroups, options: ReduceLROnPlateauOptions = {}) {
    this.mode = options.mode ?? 'min';
    this.factor = options.factor ?? 0.1;
    this.patience = options.patience ?? 10;
    this.threshold = options.threshold ?? 1e-4;
    this.thresholdMode = options.thresholdMode ?? 'rel';
    this.cooldown = options.cooldown ?? 0;
    this.eps = options.eps ?? 1e-8;
    this.#minLr = options.minLr ?? 0;
    if (this.mode !== 'min' && this.mode !== 'max') throw new CnnkitError('INVALID_ARGUMENT', `${WHERE}: mode ${JSON.stringify(this.mode)} is not known; expected 'min' or 'max'`);
    if (this.thresholdMode !== 'rel' && this.thresholdMode !== 'abs') {
      throw new CnnkitError('INVALID_ARGUMENT', `${WHERE}: thresholdMode ${JSON.stringify(this.thresholdMode)} is not known; expected 'rel' or 'abs'`);
    }
    checkScheduleNumber(this.factor, 'factor', WHERE, (v) => v >= 0 && v < 1, 'a number in [0, 1)');
    checkScheduleNumber(this.patience, 'patience', WHERE, (v) => Number.isInteger(v) && v >= 0, 'an integer >= 0');
    checkScheduleNumber(this.threshold, 'threshold', WHERE, (v) => v >= 0 && Number.isFinite(v), 'a finite number >= 0');
    checkScheduleNumber(this.cooldown, 'cooldown', WHERE, (v) => Number.isInteger(v) && v >= 0, 'an integer >= 0');
    checkScheduleNumber(this.eps, 'eps', WHERE, (v) => v >= 0 && Number.isFinite(v), 'a finite number >= 0');
    const groups = optimizer.paramGroups.length;
    if (Array.isArray(this.#minLr) && this.#minLr.length !== groups) {
      throw new CnnkitError('INVALID_ARGUMENT', `${WHERE}: minLr has ${this.#minLr.length} values; expected one per parameter group (${groups})`);
    }
    this.#best = this.#worst;
  }

  get lastEpoch(): number {
    return this.#lastEpoch;
  }

  /** The best metric seen so far (±Infinity before the first step). */
  get best(): number {
    return this.#best;
  }

  get numBadEpochs(): number {
    return this.#numBadEpochs;
  }

  step(metric?: number): void {
    if (typeof metric !== 'number') {
      throw new CnnkitError('INVALID_ARGUMENT', `${WHERE}.step: given ${String(metric)}; expected the monitored metric (a number)`);
    }
    this.#lastEpoch++;
    if (this.#isBetter(metric)) {
      this.#best = metric;
      this.#numBadEpochs = 0;
    } else {
      this.#numBadEpochs++;
    }
    if (this.#cooldownCounter > 0) {
      this.#cooldownCounter--;
      this.#numBadEpochs = 0;
    }
    if (this.#numBadEpochs > this.patience) {
      this.#reduce();
      this.#cooldownCounter = this.cooldown;
      this.#numBadEpochs = 0;
    }
  }

  lastLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  stateDict(): PlateauScheduleState {
    return {
      kind: this.kind,
      lastEpoch: this.#lastEpoch,
      best: Number.isFinite(this.#best) ? this.#best : null,
      numBadEpochs: this.#numBadEpochs,
      cooldownCounter: this.#cooldownCounter,
    };
  }

  loadStateDict(state: LrScheduleState): void {
    if (state.kind !== this.kind) {
      throw new CnnkitError('INVALID_ARGUMENT', `${WHERE}.loadStateDict: the state was saved by ${state.kind}; expected ${this.kind}`);
    }
    this.#lastEpoch = state.lastEpoch;
    this.#best = state.best ?? this.#worst;
    this.#numBadEpochs = state.numBadEpochs;
    this.#cooldownCounter = state.cooldownCounter;
  }

  get #worst(): number {
    return this.mode === 'min' ? Infinity : -Infinity;
  }

  #isBetter(a: number): boolean {
    const best = this.#best;
    if (this.mode === 'min') return this.thresholdMode === 'rel' ? a < best * (1 - this.threshold) : a < best - this.threshold;
    return this.thresholdMode === 'rel' ? a > best * (1 + this.threshold) : a > best + this.threshold;
  }

  #reduce(): void {
    this.optimizer.paramGroups.forEach((group, i) => {
      const floor = typeof this.#minLr === 'number' ? this.#minLr : (this.#minLr[i] ?? 0);
      const next = Math.max(group.lr * this.factor, floor);
      if (group.lr - next > this.eps) group.lr = next;
    });
  }
}
