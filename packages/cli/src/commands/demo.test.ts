import { describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';

useCpuFromSource();

describe('cnnkit demo', () => {
  it('runs LeNet-5 on real MNIST images and reports count, speed, round-trip, histogram and accuracy', async () => {
    const r = await runCli('demo', '--samples', '128', '--batch', '64');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^backend cpu on cpu: /);
    expect(r.stdout).toContain('data: 128 MNIST test images 1x28x28');
    expect(r.stdout).toContain('model: LeNet-5, 61,706 parameters (as torch.nn counts it)');
    expect(r.stdout).toMatch(/^inference: 128 images in 2 batches of 64: [\d.]+ s, [\d,]+ images\/s, [\d.]+ ms per batch$/m);
    expect(r.stdout).toMatch(/^graph JSON round-trip \([\d.]+ KiB\): identical outputs on a batch of 64$/m);

    // The histogram rows count every image once.
    const counts = (name: string): number[] => {
      const row = lines.find((l) => l.trim().startsWith(`${name} `));
      expect(row, `${name} row`).toBeDefined();
      return row!.trim().split(/\s+/).slice(1).map(Number);
    };
    const pred = counts('pred');
    const truth = counts('true');
    expect(pred).toHaveLength(10);
    expect(pred.reduce((a, b) => a + b, 0)).toBe(128);
    // MNIST's first 128 test labels are not all one class.
    expect(truth.filter((c) => c > 0).length).toBeGreaterThan(5);
    expect(truth.reduce((a, b) => a + b, 0)).toBe(128);

    const acc = /^accuracy: ([\d.]+)% \((\d+) of 128\); the weights are untrained/m.exec(r.stdout);
    expect(acc).not.toBeNull();
    expect(Number(acc![1])).toBeCloseTo((100 * Number(acc![2])) / 128, 1);
  });

  it('handles a last batch smaller than the others', async () => {
    const r = await runCli('demo', '--samples', '70', '--batch', '32');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^inference: 70 images in 3 batches of 32: /m);
    expect(r.stdout).toMatch(/accuracy: [\d.]+% \(\d+ of 70\)/);
  });

  it('gives the same predictions for the same seed', async () => {
    const histogram = (out: string): string => out.split('\n').find((l) => l.trim().startsWith('pred '))!;
    const a = await runCli('demo', '--samples', '64', '--seed', '7');
    const b = await runCli('demo', '--samples', '64', '--seed', '7');
    expect(a.stdout).toContain('seed 7');
    expect(histogram(a.stdout)).toBe(histogram(b.stdout));
    expect(a.stdout.split('\n').find((l) => l.startsWith('accuracy'))).toBe(b.stdout.split('\n').find((l) => l.startsWith('accuracy')));
  });

  it('rejects sizes that are not whole numbers >= 1', async () => {
    for (const [argv, message] of [
      [['--samples', '0'], "option --samples is '0'"],
      [['--batch=-3'], "option --batch is '-3'"],
      [['--samples', '2.5'], "option --samples is '2.5'"],
      [['--batch', 'many'], "option --batch is 'many'"],
    ] as const) {
      const r = await runCli('demo', ...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${message}; expected a whole number >= 1`);
    }
  });
});
