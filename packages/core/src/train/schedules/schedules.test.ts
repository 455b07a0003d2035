import { describe, expect, it } from 'vitest';
import { CnnkitError } from '../../errors';
import { CosineAnnealingLR } from './cosine-annealing-lr';
import { LinearWarmup } from './linear-warmup';
import type { LrGroups } from './lr-schedule';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';
import { StepLR } from './step-lr';

const groups = (...lrs: number[]): LrGroups & { paramGroups: { lr: number }[] } => ({ paramGroups: lrs.map((lr) => ({ lr })) });
const lrsOf = (o: LrGroups): number[] => o.paramGroups.map((g) => g.lr);

function sequence(o: LrGroups, schedule: { step(m?: number): void }, steps: number, metrics: readonly number[] = []): number[][] {
  const out = [lrsOf(o)];
  for (let i = 0; i < steps; i++) {
    schedule.step(metrics[i]);
    out.push(lrsOf(o));
  }
  return out;
}

describe('StepLR', () => {
  it('multiplies by gamma every stepSize steps, per group from its own base', () => {
    // base 1 and 0.5, gamma 0.1 every 2 steps: t = 0,1 → ×1; 2,3 → ×0.1; 4 → ×0.01.
    const o = groups(1, 0.5);
    const s = sequence(o, new StepLR(o, 2, 0.1), 4);
    expect(s.map((r) => r[0])).toEqual([1, 1, 0.1, 0.1, 1 * 0.1 ** 2]);
    expect(s.map((r) => r[1])).toEqual([0.5, 0.5, 0.5 * 0.1, 0.5 * 0.1, 0.5 * 0.1 ** 2]);
  });
});

describe('CosineAnnealingLR', () => {
  it('starts at base, is (base + etaMin)/2 at tMax/2, etaMin at tMax and climbs back after', () => {
    const o = groups(0.1, 0.02);
    const s = sequence(o, new CosineAnnealingLR(o, 10, 0.01), 20);
    expect(s[0]).toEqual([0.1, 0.02]);
    expect(s[5]![0]).toBeCloseTo((0.1 + 0.01) / 2, 15);
    expect(s[5]![1]).toBeCloseTo((0.02 + 0.01) / 2, 15);
    expect(s[10]![0]).toBeCloseTo(0.01, 15);
    expect(s[20]![0]).toBeCloseTo(0.1, 15); // cos(2π) = 1: a full period later
    // t = 2: 0.01 + 0.09·(1 + cos(π/5))/2, cos(π/5) = (1 + √5)/4
    expect(s[2]![0]).toBeCloseTo(0.01 + (0.09 * (1 + (1 + Math.sqrt(5)) / 4)) / 2, 15);
  });
});

describe('LinearWarmup', () => {
  it('ramps from startFactor·base to base over warmupSteps, then holds', () => {
    // startFactor 0.2, 4 steps: factors 0.2, 0.4, 0.6, 0.8, 1, 1.
    const o = groups(1);
    const s = sequence(o, new LinearWarmup(o, 4, 0.2), 5).map((r) => r[0]!);
    [0.2, 0.4, 0.6, 0.8, 1, 1].forEach((f, i) => expect(s[i]).toBeCloseTo(f, 15));
  });

  it('hands over to the inner schedule from its step 0 at the end of warm-up', () => {
    // warm-up 2 steps from 0.5, then StepLR(1, 0.5) from its own step 0: 0.5, 0.75, 1, 0.5, 0.25.
    const o = groups(2);
    const inner = new StepLR(o, 1, 0.5);
    const s = sequence(o, new LinearWarmup(o, 2, 0.5, inner), 4).map((r) => r[0]!);
    expect(s).toEqual([1, 1.5, 2, 1, 0.5]);
  });

  it('with zero warm-up steps is the inner schedule', () => {
    const o = groups(1);
    const s = sequence(o, new LinearWarmup(o, 0, 0.1, new StepLR(o, 1, 0.5)), 2).map((r) => r[0]!);
    expect(s).toEqual([1, 0.5, 0.25]);
  });
});

describe('ReduceLROnPlateau', () => {
  it('reduces after more than `patience` bad steps, then waits out the cooldown', () => {
    // patience 1, cooldown 1, factor 0.5, rel threshold 0:
    // m: 1 (best), 2 (bad 1), 3 (bad 2 > 1 → ×0.5, cooldown 1), 4 (cooldown: bad reset to 0),
    //    5 (bad 1), 6 (bad 2 → ×0.5), 0.1 (best)
    const o = groups(1, 0.1);
    const s = sequence(o, new ReduceLROnPlateau(o, { patience: 1, cooldown: 1, factor: 0.5, threshold: 0 }), 7, [1, 2, 3, 4, 5, 6, 0.1]);
    expect(s.map((r) => r[0])).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
    expect(s.map((r) => r[1])).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025]);
  });

  it("in 'max' mode treats rises as improvements and never goes below minLr", () => {
    const o = groups(1);
    const sched = new ReduceLROnPlateau(o, { mode: 'max', patience: 0, factor: 0.1, minLr: 0.05 });
    const s = sequence(o, sched, 4, [0.5, 0.6, 0.6, 0.6]).map((r) => r[0]);
    expect(s).toEqual([1, 1, 1, 0.1, 0.05]);
    expect(sched.best).toBe(0.6);
  });

  it('counts an improvement below the relative threshold as a bad step', () => {
    // best 1, threshold 0.1 (rel): 0.95 is not < 1·0.9, so it is bad; patience 0 → reduce.
    const o = groups(1);
    const s = sequence(o, new ReduceLROnPlateau(o, { patience: 0, threshold: 0.1 }), 2, [1, 0.95]).map((r) => r[0]);
    expect(s).toEqual([1, 1, 0.1]);
  });

  it('saves ±Infinity best as null (JSON-safe) and restores it', () => {
    const o = groups(1);
    const sched = new ReduceLROnPlateau(o);
    expect(sched.stateDict()).toEqual({ kind: 'ReduceLROnPlateau', lastEpoch: 0, best: null, numBadEpochs: 0, cooldownCounter: 0 });
    sched.loadStateDict({ kind: 'ReduceLROnPlateau', lastEpoch: 3, best: 0.5, numBadEpochs: 2, cooldownCounter: 0 });
    expect(sched.best).toBe(0.5);
    expect(sched.numBadEpochs).toBe(2);
  });

  it('requires a metric and rejects bad options', () => {
    const o = groups(1, 1);
    expect(() => new ReduceLROnPlateau(o).step()).toThrow(/expected the monitored metric/);
    expect(() => new ReduceLROnPlateau(o, { factor: 1 })).toThrow(/factor 1 is invalid; expected a number in \[0, 1\)/);
    expect(() => new ReduceLROnPlateau(o, { minLr: [0] })).toThrow(/minLr has 1 values; expected one per parameter group \(2\)/);
    expect(() => new ReduceLROnPlateau(o, { mode: 'up' as 'min' })).toThrow(CnnkitError);
  });
});

describe('closed-form schedules: state, validation, groups added later', () => {
  it('restore the position and re-apply its lrs', () => {
    const o = groups(1);
    const s = new StepLR(o, 2, 0.5);
    s.step();
    s.step();
    s.step();
    const saved = s.stateDict();
    expect(saved).toEqual({ kind: 'StepLR', lastEpoch: 3, baseLrs: [1] });
    const o2 = groups(1);
    const s2 = new StepLR(o2, 2, 0.5);
    s2.loadStateDict(saved);
    expect(lrsOf(o2)).toEqual([0.5]);
    s2.step();
    expect(lrsOf(o2)).toEqual([0.25]);
    expect(() => s2.loadStateDict({ ...saved, kind: 'CosineAnnealingLR' })).toThrow(/saved by CosineAnnealingLR; expected StepLR/);
  });

  it('give a group added later its lr at that time as its base', () => {
    const o = groups(1);
    const s = new StepLR(o, 1, 0.5);
    s.step(); // [0.5]
    o.paramGroups.push({ lr: 0.2 });
    s.step(); // group 1's base 0.2 at epoch 2 → 0.05
    expect(lrsOf(o)).toEqual([0.25, 0.05]);
  });

  it('reject bad hyper-parameters', () => {
    const o = groups(1);
    expect(() => new StepLR(o, 0)).toThrow(/stepSize 0 is invalid; expected an integer >= 1/);
    expect(() => new CosineAnnealingLR(o, 2.5)).toThrow(/tMax 2.5 is invalid/);
    expect(() => new LinearWarmup(o, 3, 0)).toThrow(/startFactor 0 is invalid; expected a number in \(0, 1\]/);
  });
});
