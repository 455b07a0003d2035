import { checkScheduleNumber } from './check';
import { ClosedFormSchedule } from './closed-form-schedule';
import type { LrGroups } from './lr-schedule';

/** torch.optim.lr_scheduler.StepLR: lr = base · gamma^⌊t / stepSize⌋. */
export class StepLR extends ClosedFormSchedule {
  constructor(optimizer: LrGroups, readonly stepSize: number, readonly gamma = 0.1) {
    super('StepLR', optimizer);
    checkScheduleNumber(stepSize, 'stepSize', 'StepLR', (v) => Number.isInteger(v) && v >= 1, 'an integer >= 1');
    checkScheduleNumber(gamma, 'gamma', 'StepLR', (v) => v >= 0 && Number.isFinite(v), 'a finite number >= 0');
    this.apply();
  }

  lrAt(base: number, epoch: number): number {
    return base * this.gamma ** Math.floor(epoch / this.stepSize);
  }
}
