import { describe, expect, it } from 'vitest';
import { enqueueOrtWork } from './run-queue';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('enqueueOrtWork', () => {
  it('starts work at once when the queue is idle (no extra event-loop turn for a sequential caller)', async () => {
    let started = false;
    const done = enqueueOrtWork(async () => {
      started = true;
      return 1;
    });
    expect(started).toBe(true);
    expect(await done).toBe(1);
  });

  it('runs one at a time, in order, and gives the loop a turn (timers, immediates) before a work that had to wait', async () => {
    const log: string[] = [];
    let release!: () => void;
    const first = enqueueOrtWork(() => new Promise<void>((resolve) => { log.push('first'); release = resolve; }));
    const second = enqueueOrtWork(async () => { log.push('second'); });
    await turn();
    await turn();
    // The second waits for the first however many turns pass.
    expect(log).toEqual(['first']);
    setImmediate(() => log.push('immediate'));
    release();
    await Promise.all([first, second]);
    // The immediate queued before the first finished ran before the second started.
    expect(log).toEqual(['first', 'immediate', 'second']);
  });

  it('a failing work rejects its own promise only; the queue goes on', async () => {
    const failed = enqueueOrtWork(async () => { throw new Error('boom'); });
    const next = enqueueOrtWork(async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ok');
    let started = false;
    const idle = enqueueOrtWork(async () => { started = true; });
    expect(started).toBe(true);
    await idle;
  });

  it('a work that throws synchronously rejects instead of throwing from enqueueOrtWork', async () => {
    const work = (): Promise<never> => { throw new Error('sync'); };
    await expect(enqueueOrtWork(work)).rejects.toThrow('sync');
  });

  it('maps the result (or the failure) in the reaction that ends the work, and the queue goes on when the mapping throws', async () => {
    expect(await enqueueOrtWork(async () => 2, (v) => v * 10, () => -1)).toBe(20);
    expect(await enqueueOrtWork(async (): Promise<string> => { throw new Error('ort'); }, (v) => v, (e) => `mapped ${(e as Error).message}`)).toBe('mapped ort');
    const throwing = enqueueOrtWork(async () => 1, () => { throw new Error('wrap'); }, () => 0);
    const after = enqueueOrtWork(async () => 'next');
    await expect(throwing).rejects.toThrow('wrap');
    expect(await after).toBe('next');
    // Everything settled: the next work starts at once again.
    let started = false;
    const idle = enqueueOrtWork(async () => { started = true; }, () => 'done', () => 'failed');
    expect(started).toBe(true);
    expect(await idle).toBe('done');
  });
});
