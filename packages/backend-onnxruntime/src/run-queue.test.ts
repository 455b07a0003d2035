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
});
