import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trainInFreshProcess } from './training-process';

// The built child program (the CLI's test task builds the CLI first).
const script = fileURLToPath(new URL('../../dist/bench-training.js', import.meta.url));

describe('trainInFreshProcess', () => {
  it('measures LeNet-5 training on real MNIST with the cpu backend in a child process', async () => {
    const t = await trainInFreshProcess({ candidate: { label: 'cpu', name: 'cpu', options: {} }, steps: 5, seconds: 1 }, script);
    // benchLenetTraining times at least 5 steps of batch 64, and at most the steps asked for.
    expect(t.steps).toBe(5);
    expect(t.seconds).toBeGreaterThan(0);
    expect(t.samplesPerSecond).toBeCloseTo((5 * 64) / t.seconds, 6);
  }, 120_000);

  it("rejects with the child's reason when the backend cannot be opened there", async () => {
    await expect(trainInFreshProcess({ candidate: { label: 'nope', name: 'no-such-backend', options: {} }, steps: 5, seconds: 1 }, script))
      .rejects.toThrow(/backend nope: .*no-such-backend/);
  }, 60_000);

  it('says so when the child program is not built', async () => {
    await expect(trainInFreshProcess({ candidate: { label: 'cpu', name: 'cpu', options: {} }, steps: 5, seconds: 1 }, '/nonexistent/bench-training.js'))
      .rejects.toThrow('/nonexistent/bench-training.js not found: the training child program is built with the CLI (pnpm build)');
  });

  it('stops a child that outlives its time limit', async () => {
    await expect(trainInFreshProcess({ candidate: { label: 'cpu', name: 'cpu', options: {} }, steps: 5, seconds: 1 }, script, 50))
      .rejects.toThrow(/gave no result: stopped after 0 s/);
  });
});
