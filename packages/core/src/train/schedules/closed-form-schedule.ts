import { CnnkitError } from '../../errors';
import type { ClosedFormScheduleState, LrGroups, LrSchedule, LrScheduleState } from './lr-schedule';

/**
 * A schedule whose lr is a function of each group's base lr and the step count. Each group
 * keeps its own base lr (taken from the group when the schedule is made, or when a group is
 * added later), so per-group learning rates keep their ratios. Like torch, constructing it
 * applies the lr of step 0.
 */
export abstract class ClosedFormSchedule implements LrSchedule {
  #lastEpoch = 0;
  #baseLrs: number[];

  protected constructor(readonly kind: ClosedFormScheduleState['kind'], readonly optimizer: LrGroups, baseLrs?: readonly number[]) {
    this.#baseLrs = [...(baseLrs ?? optimizer.paramGroups.map((g) => g.lr))];
  }

  /** The lr for a group whose base lr is `base`, `epoch` steps in. */
  abstract lrAt(base: number, epoch: number): number;

  get lastEpoch(): number {
    return this.#lastEpoch;
  }

  get baseLrs(): readonly number[] {
    return this.#baseLrs;
  }

  /** Ignores the metric (accepting one lets fit() step any schedule the same way). */
  step(_metric?: number): void {
    this.#lastEpoch++;
    this.apply();
  }

  lastLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  stateDict(): ClosedFormScheduleState {
    return { kind: this.kind, lastEpoch: this.#lastEpoch, baseLrs: [...this.#baseLrs] };
  }

  /** Restores the position and re-applies its lrs (the same values the saved optimizer holds). */
  loadStateDict(state: LrScheduleState): void {
    if (state.kind !== this.kind) {
      throw new CnnkitError('INVALID_ARGUMENT', `${this.kind}.loadStateDict: the state was saved by ${state.kind}; expected ${this.kind}`);
    }
    if (!Number.isInteger(state.lastEpoch) || state.lastEpoch < 0 || state.baseLrs.some((b) => !(b >= 0))) {
      throw new CnnkitError('INVALID_ARGUMENT', `${this.kind}.loadStateDict: lastEpoch ${state.lastEpoch}, baseLrs [${state.baseLrs.join(', ')}]; expected an integer >= 0 and lrs >= 0`);
    }
    this.#lastEpoch = state.lastEpoch;
    this.#baseLrs = [...state.baseLrs];
    this.apply();
  }

  protected apply(): void {
    this.optimizer.paramGroups.forEach((group, i) => {
      if (i >= this.#baseLrs.length) this.#baseLrs.push(group.lr);
      group.lr = this.lrAt(this.#baseLrs[i]!, this.#lastEpoch);
    });
  }
}
