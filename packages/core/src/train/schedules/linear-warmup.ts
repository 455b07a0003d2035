import { checkScheduleNumber } from './check';
import { ClosedFormSchedule } from './closed-form-schedule';
import type { LrGroups } from './lr-schedule';

/**
 * A linear warm-up from startFactor·base to base over warmupSteps (torch's LinearLR with
 * end_factor 1), then `inner` from its own step 0 (torch's SequentialLR with milestone
 * warmupSteps), or base when there is none. The inner schedule only supplies its formula: step
 * this one, not the inner one.
 */
export class LinearWarmup extends ClosedFormSchedule {
  constructor(optimizer: LrGroups, readonly warmupSteps: number, readonly startFactor = 1 / 3, readonly inner?: ClosedFormSchedule) {
    super('LinearWarmup', optimizer, inner?.baseLrs);
    checkScheduleNumber(warmupSteps, 'warmupSteps', 'LinearWarmup', (v) => Number.isInteger(v) && v >= 0, 'an integer >= 0');
    checkScheduleNumber(startFactor, 'startFactor', 'LinearWarmup', (v) => v > 0 && v <= 1, 'a number in (0, 1]');
    this.apply();
  }

  lrAt(base: number, epoch: number): number {
    if (epoch < this.warmupSteps) return base * (this.startFactor + ((1 - this.startFactor) * epoch) / this.warmupSteps);
    return this.inner ? this.inner.lrAt(base, epoch - this.warmupSteps) : base;
  }
}
