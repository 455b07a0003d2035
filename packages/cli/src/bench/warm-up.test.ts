import { describe, expect, it } from 'vitest';
import { timeCell } from './time-cell';
import { WARM_UP_BUDGET, warmUpRunners } from './warm-up';

describe('warmUpRunners', () => {
  it('runs every cell once, in order, and goes on past a failing one', async () => {
    const calls: string[] = [];
    await warmUpRunners([
      async () => { calls.push('a'); },
      async () => { calls.push('b'); throw new Error('no engine'); },
      async () => { calls.push('c'); },
    ]);
    expect(calls).toEqual(['a', 'b', 'c']);
  });

  it('costs one run of a slow runner (over 0.2 s) and at most 21 runs of a fast one', async () => {
    let slow = 0;
    await timeCell(() => new Promise((resolve) => { slow++; setTimeout(resolve, 250); }), WARM_UP_BUDGET);
    expect(slow).toBe(1);
    let fast = 0;
    await timeCell(async () => { fast++; }, WARM_UP_BUDGET);
    expect(fast).toBe(21);
  });
});
