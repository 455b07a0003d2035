import {
  type ClosedFormSchedule, type LrSchedule, CosineAnnealingLR, F, LinearWarmup, Parameter, ReduceLROnPlateau, SGD, StepLR, setBackend,
} from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import golden from './fixtures/optim_golden.json';

type ScheduleSpec =
  | { readonly kind: 'StepLR'; readonly stepSize: number; readonly gamma: number }
  | { readonly kind: 'CosineAnnealingLR'; readonly tMax: number; readonly etaMin: number }
  | { readonly kind: 'LinearWarmup'; readonly warmupSteps: number; readonly startFactor: number; readonly inner?: ScheduleSpec }
  | {
    readonly kind: 'ReduceLROnPlateau'; readonly mode: 'min' | 'max'; readonly factor: number; readonly patience: number;
    readonly threshold: number; readonly thresholdMode?: 'rel' | 'abs'; readonly cooldown?: number; readonly minLr?: readonly number[];
  };

interface ScheduleCase {
  readonly name: string;
  readonly schedule: ScheduleSpec;
  /** lrs of both groups after construction, then after each step. */
  readonly lrs: readonly (readonly number[])[];
  readonly metrics?: readonly number[];
}

beforeAll(() => setBackend(createBackend()));

/** Two groups with base lrs 0.1 and 0.01, as in make_optim_golden.py. */
function twoGroups(): SGD {
  return new SGD([{ params: [new Parameter(F.zeros([1]))], lr: 0.1 }, { params: [new Parameter(F.zeros([1]))], lr: 0.01 }]);
}

function build(spec: ScheduleSpec, opt: SGD): LrSchedule {
  switch (spec.kind) {
    case 'StepLR':
      return new StepLR(opt, spec.stepSize, spec.gamma);
    case 'CosineAnnealingLR':
      return new CosineAnnealingLR(opt, spec.tMax, spec.etaMin);
    case 'LinearWarmup':
      return new LinearWarmup(opt, spec.warmupSteps, spec.startFactor, spec.inner ? (build(spec.inner, opt) as ClosedFormSchedule) : undefined);
    case 'ReduceLROnPlateau':
      return new ReduceLROnPlateau(opt, {
        mode: spec.mode, factor: spec.factor, patience: spec.patience, threshold: spec.threshold,
        ...(spec.thresholdMode ? { thresholdMode: spec.thresholdMode } : {}),
        ...(spec.cooldown !== undefined ? { cooldown: spec.cooldown } : {}),
        ...(spec.minLr ? { minLr: spec.minLr } : {}),
      });
  }
}

function expectLrs(actual: readonly number[], expected: readonly number[], where: string): void {
  actual.forEach((lr, i) => expect(Math.abs(lr - expected[i]!), `${where}, group ${i}: ${lr} vs ${expected[i]}`).toBeLessThanOrEqual(1e-8 * expected[i]! + 1e-12));
}

describe('LR schedules against torch.optim.lr_scheduler (two groups, 12 steps)', () => {
  for (const c of golden.schedules as unknown as ScheduleCase[]) {
    it(c.name, () => {
      const opt = twoGroups();
      const schedule = build(c.schedule, opt);
      expectLrs(schedule.lastLrs(), c.lrs[0]!, 'after construction');
      for (let step = 1; step < c.lrs.length; step++) {
        schedule.step(c.metrics?.[step - 1]);
        expectLrs(opt.paramGroups.map((g) => g.lr), c.lrs[step]!, `after step ${step}`);
      }
    });

    it(`${c.name}: resumes from stateDict after 5 steps onto the same lrs`, () => {
      const first = twoGroups();
      const original = build(c.schedule, first);
      for (let step = 1; step <= 5; step++) original.step(c.metrics?.[step - 1]);
      const saved = JSON.parse(JSON.stringify(original.stateDict()));
      const opt = twoGroups();
      const resumed = build(c.schedule, opt);
      opt.paramGroups.forEach((g, i) => (g.lr = first.paramGroups[i]!.lr)); // the optimizer's own state carries the lrs
      resumed.loadStateDict(saved);
      expect(resumed.lastEpoch).toBe(5);
      for (let step = 6; step < c.lrs.length; step++) {
        resumed.step(c.metrics?.[step - 1]);
        expectLrs(opt.paramGroups.map((g) => g.lr), c.lrs[step]!, `resumed, after step ${step}`);
      }
    });
  }
});
