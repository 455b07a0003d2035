import { checkScheduleNumber } from './check';
import { ClosedFormSchedule } from './closed-form-schedule';
import type { LrGroups } from './lr-schedule';

/**
 * torch.optim.lr_scheduler.CosineAnnealingLR, closed form (torch's _get_closed_form_lr):
 * lr = etaMin + (base − etaMin) · (1 + cos(π·t / tMax)) / 2. Past tMax the cosine carries on,
 * climbing back towards base, as torch's does.
 */
export class CosineAnnealingLR extends ClosedFormSchedule {
  constructor(optimizer: LrGroups, readonly tMax: number, readonly etaMin = 0) {
    super('CosineAnnealingLR', optimizer);
    checkScheduleNumber(tMax, 'tMax', 'CosineAnnealingLR', (v) => Number.isInteger(v) && v >= 1, 'an integer >= 1');
    checkScheduleNumber(etaMin, 'etaMin', 'CosineAnnealingLR', (v) => v >= 0 && Number.isFinite(v), 'a finite number >= 0');
    this.apply();
  }

  lrAt(base: number, epoch: number): number {
    return this.etaMin + ((base - this.etaMin) * (1 + Math.cos((Math.PI * epoch) / this.tMax))) / 2;
  }
}
