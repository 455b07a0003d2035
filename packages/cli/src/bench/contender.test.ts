import { describe, expect, it } from 'vitest';
import { type Contender, interleaveGroups, timeInterleaved } from './contender';
import type { Runner } from './results';

/** A contender that logs its calls; `fail` names the call that throws. */
function logged(name: string, log: string[], runMs = 0, fail?: 'prepare' | 'run'): Contender {
  return {
    async prepare() {
      log.push(`${name}:prepare`);
      if (fail === 'prepare') throw new Error(`${name} cannot compile`);
      return 7;
    },
    async activate() {
      log.push(`${name}:activate`);
    },
    async runOnce() {
      log.push(`${name}:run`);
      if (fail === 'run') throw new Error(`${name} run failed`);
      if (runMs > 0) await new Promise((resolve) => setTimeout(resolve, runMs));
    },
    async dispose() {
      log.push(`${name}:dispose`);
    },
  };
}

describe('timeInterleaved', () => {
  it('with minSampleMs, times each sample as back-to-back runs of one contender, still alternating by sample', async () => {
    const log: string[] = [];
    const [a, b] = await timeInterleaved([logged('a', log, 5), logged('b', log, 5)], { warmup: 1, repeats: 2, cellSeconds: 10, minSampleMs: 12 });
    const ra = 'result' in a! ? a.result.runsPerSample! : 0, rb = 'result' in b! ? b.result.runsPerSample! : 0;
    expect(ra).toBeGreaterThanOrEqual(2);
    expect(rb).toBeGreaterThanOrEqual(2);
    const timed = log.filter((l) => l.endsWith(':run')).slice(2);
    // Round 1: a's sample then b's; round 2 reversed: b's then a's.
    expect(timed).toEqual([...Array(ra).fill('a:run'), ...Array(rb).fill('b:run'), ...Array(rb).fill('b:run'), ...Array(ra).fill('a:run')]);
    for (const r of [a!, b!]) expect('result' in r && r.result.runs).toBe(2);
  });

  it('prepares and warms up each in turn, then alternates the timed runs, order reversed every other round', async () => {
    const log: string[] = [];
    const [a, b] = await timeInterleaved([logged('a', log), logged('b', log)], { warmup: 1, repeats: 3, cellSeconds: 10 });
    const runs = log.filter((l) => !l.endsWith(':activate'));
    expect(runs).toEqual([
      'a:prepare', 'a:run', 'b:prepare', 'b:run',
      'a:run', 'b:run', 'b:run', 'a:run', 'a:run', 'b:run',
      'a:dispose', 'b:dispose',
    ]);
    // Every run is preceded by its own activate.
    log.forEach((l, i) => {
      if (l.endsWith(':run')) expect(log[i - 1]).toBe(l.replace(':run', ':activate'));
    });
    for (const r of [a!, b!]) {
      expect('result' in r && r.result.runs).toBe(3);
      expect('result' in r && r.result.compileMs).toBe(7);
    }
  });

  it('reports a failing contender as failed and still times the other', async () => {
    const log: string[] = [];
    const [bad, good, badRun] = await timeInterleaved([logged('x', log, 0, 'prepare'), logged('y', log), logged('z', log, 0, 'run')], { warmup: 0, repeats: 2, cellSeconds: 10 });
    expect('error' in bad! && (bad.error as Error).message).toBe('x cannot compile');
    expect('result' in good! && good.result.runs).toBe(2);
    expect('error' in badRun! && (badRun.error as Error).message).toBe('z run failed');
    expect(log.filter((l) => l.endsWith(':dispose'))).toEqual(['x:dispose', 'y:dispose', 'z:dispose']);
  });

  it('stops a slow contender at its own time budget while a fast one goes on to its repeats', async () => {
    const log: string[] = [];
    const [slow, fast] = await timeInterleaved([logged('s', log, 40), logged('f', log)], { warmup: 0, repeats: 6, cellSeconds: 0.07 });
    // 40 ms runs against a 70 ms budget: stopped after two (one, if the machine is slow), far from six.
    expect('result' in slow! && slow.result.runs).toBeLessThanOrEqual(2);
    expect('result' in slow! && slow.result.truncated).toBe(true);
    expect('result' in fast! && fast.result.runs).toBe(6);
  });
});

describe('interleaveGroups', () => {
  it('groups each cnnkit runner with the alternative it is compared with (cpu with raw tfjs wasm); the rest alone', () => {
    const r = (label: string, kind: Runner['kind'], engine?: string) => ({ runner: engine ? { label, kind, engine } : { label, kind } });
    const plan = [
      r('cnnkit cpu', 'cnnkit'), r('cnnkit tfjs (wasm)', 'cnnkit', 'wasm'), r('cnnkit onnxruntime', 'cnnkit'),
      r('cnnkit tfjs (tensorflow)', 'cnnkit', 'tensorflow'), r('ORT on PyTorch export', 'ort-direct'),
      r('raw tfjs (wasm)', 'raw-tfjs', 'wasm'), r('raw tfjs (cpu)', 'raw-tfjs', 'cpu'),
    ];
    expect(interleaveGroups(plan).map((g) => g.map((p) => p.runner.label))).toEqual([
      ['cnnkit cpu', 'cnnkit tfjs (wasm)', 'raw tfjs (wasm)'], ['cnnkit onnxruntime', 'ORT on PyTorch export'],
      ['cnnkit tfjs (tensorflow)'], ['raw tfjs (cpu)'],
    ]);
  });
});
