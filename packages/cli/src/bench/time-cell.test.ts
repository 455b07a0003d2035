import { describe, expect, it } from 'vitest';
import { runsPerSample, timeCell } from './time-cell';

/** A run that takes `ms` of wall time, counted. */
function sleeper(durations: number[]): { run: () => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    run: () => new Promise((resolve) => setTimeout(resolve, durations[Math.min(calls++, durations.length - 1)])),
    calls: () => calls,
  };
}

describe('timeCell', () => {
  it('warms up untimed, then makes the requested timed runs', async () => {
    const s = sleeper([60, 5]);
    const t = await timeCell(s.run, { warmup: 1, repeats: 3, cellSeconds: 10 });
    expect(s.calls()).toBe(4);
    expect(t.samplesMs).toHaveLength(3);
    // The slow first run was the warm-up: no sample carries it.
    for (const ms of t.samplesMs) expect(ms).toBeLessThan(50);
    expect(t.truncated || t.warmupKept).toBe(false);
  });

  it('warms up for at least warmupSeconds when that outlasts the warm-up runs', async () => {
    const s = sleeper([5]);
    const began = performance.now();
    const t = await timeCell(s.run, { warmup: 1, warmupSeconds: 0.08, repeats: 2, cellSeconds: 10 });
    expect(t.samplesMs).toHaveLength(2);
    // 80 ms of 5 ms runs: well over the one run asked for by count.
    expect(s.calls() - 2).toBeGreaterThan(5);
    expect(performance.now() - began).toBeGreaterThanOrEqual(80);
  });

  it('stops repeating once the budget is spent, after at least one timed run', async () => {
    const s = sleeper([30]);
    const t = await timeCell(s.run, { warmup: 0, repeats: 100, cellSeconds: 0.05 });
    expect(t.samplesMs.length).toBeGreaterThanOrEqual(1);
    expect(t.samplesMs.length).toBeLessThan(5);
    expect(t.truncated).toBe(true);
  });

  it('keeps a warm-up run over keepWarmupOverSeconds as the only sample instead of running again', async () => {
    const s = sleeper([80]);
    const t = await timeCell(s.run, { warmup: 2, repeats: 5, cellSeconds: 0.01, keepWarmupOverSeconds: 0.03 });
    expect(s.calls()).toBe(1);
    expect(t.samplesMs).toHaveLength(1);
    expect(t.warmupKept).toBe(true);
  });

  it('with minSampleMs, makes each sample the mean of back-to-back runs that fill it', async () => {
    const s = sleeper([5]);
    const t = await timeCell(s.run, { warmup: 1, repeats: 3, cellSeconds: 10, minSampleMs: 40 });
    // A run of a 5 ms timer (which fires a little early or late) needs several to fill 40 ms.
    expect(t.runsPerSample).toBeGreaterThanOrEqual(4);
    expect(t.runsPerSample).toBeLessThanOrEqual(20);
    expect(s.calls()).toBe(1 + 3 * t.runsPerSample);
    expect(t.samplesMs).toHaveLength(3);
    // Means of single ~5 ms runs, not sums.
    for (const ms of t.samplesMs) expect(ms).toBeLessThan(20);
  });
});

describe('runsPerSample', () => {
  it('is 1 without a minimum, for runs at least that long, or with no warm-up run to go by', () => {
    expect(runsPerSample(0.05, 0)).toBe(1);
    expect(runsPerSample(0.05, undefined)).toBe(1);
    expect(runsPerSample(2, 2)).toBe(1);
    expect(runsPerSample(30, 2)).toBe(1);
    expect(runsPerSample(undefined, 2)).toBe(1);
  });

  it('fills the minimum with shorter runs, at most 1000 of them', () => {
    expect(runsPerSample(0.05, 2)).toBe(40);
    expect(runsPerSample(0.3, 2)).toBe(7);
    expect(runsPerSample(0, 2)).toBe(1000);
    expect(runsPerSample(1e-9, 2)).toBe(1000);
  });
});
