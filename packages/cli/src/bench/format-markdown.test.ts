import { describe, expect, it } from 'vitest';
import { formatMs, formatRatio, markdownTable, reportToMarkdown } from './format-markdown';
import type { BenchReport, CellMeasurement } from './results';
import { checkTargets } from './targets';

const measured = (medianMs: number): CellMeasurement => ({ runs: 5, medianMs, p10Ms: medianMs * 0.9, p90Ms: medianMs * 1.2, truncated: false, memory: { rssBytes: 3 << 20, externalBytes: 0 } });

const cells = [
  { model: 'resnet18', batch: 1, runner: { label: 'cnnkit cpu', kind: 'cnnkit' as const }, result: measured(150) },
  { model: 'resnet18', batch: 1, runner: { label: 'cnnkit tfjs (wasm)', kind: 'cnnkit' as const, engine: 'wasm' }, result: measured(200) },
  { model: 'resnet18', batch: 1, runner: { label: 'cnnkit onnxruntime', kind: 'cnnkit' as const }, result: measured(21) },
  { model: 'resnet18', batch: 1, runner: { label: 'ORT on PyTorch export', kind: 'ort-direct' as const }, result: measured(20) },
  { model: 'resnet18', batch: 1, runner: { label: 'PyTorch', kind: 'torch' as const }, result: { ...measured(100), memory: undefined } },
  { model: 'resnet18', batch: 1, runner: { label: 'raw tfjs (wasm)', kind: 'raw-tfjs' as const, engine: 'wasm' }, result: measured(180) },
  { model: 'resnet18', batch: 1, runner: { label: 'raw tfjs (cpu)', kind: 'raw-tfjs' as const, engine: 'cpu' }, missing: 'skipped: ~243 s a run' },
];
const training = [
  { runner: 'cnnkit cpu', samplesPerSecond: 2000, steps: 100, batchSize: 64, seconds: 3.2 },
  { runner: 'PyTorch', samplesPerSecond: 5000, steps: 300, batchSize: 64, seconds: 3.84 },
];

describe('bench report formatting', () => {
  it('formats numbers and escapes pipes in table cells', () => {
    expect(formatMs(0.1234)).toBe('0.123');
    expect(formatMs(12.34)).toBe('12.3');
    expect(formatMs(1234.5)).toBe('1235');
    expect(formatRatio(1.5)).toBe('1.50×');
    expect(formatRatio(undefined)).toBe('—');
    expect(markdownTable(['a', 'b'], [['x|y', '1']])).toBe('| a | b |\n| --- | --- |\n| x\\|y | 1 |');
  });

  it('puts each cnnkit cell\'s ratios to the alternatives in its row', () => {
    const report: BenchReport = {
      date: '2026-01-01T00:00:00.000Z', command: 'cnnkit bench', settings: { warmup: 2, repeats: 5, cellSeconds: 20 },
      machine: { cpu: 'Test CPU', logicalCores: 2, memoryGiB: 8, platform: 'Linux', node: 'v20', versions: { torch: '1.13' }, threads: 'PyTorch 2' },
      unavailable: [{ runner: 'cnnkit tfjs (tensorflow)', reason: 'not installed' }], cells, training, targets: checkTargets(cells, training),
    };
    const md = reportToMarkdown(report);
    // cnnkit cpu 150 ms: 150/20 = 7.50× ORT, 150/100 = 1.50× PyTorch, 150/180 = 0.83× raw tfjs wasm.
    expect(md).toContain('| resnet18 | 1 | cnnkit cpu | 150 | 135–180 | 5 | 3 MiB | 7.50× | 1.50× | 0.83× (wasm) |');
    // tfjs (wasm) 200 ms against raw tfjs wasm 180 ms: 1.11×.
    expect(md).toContain('| resnet18 | 1 | cnnkit tfjs (wasm) | 200 | 180–240 | 5 | 3 MiB | 10.00× | 2.00× | 1.11× (wasm) |');
    expect(md).toContain('| resnet18 | 1 | raw tfjs (cpu) | skipped: ~243 s a run |');
    // Training: PyTorch's epoch takes 2000/5000 of cnnkit's time, so cnnkit's epoch is 2.50× PyTorch's.
    expect(md).toContain('| cnnkit cpu | 2000 | 30.0 | 100 | 2.50× |');
    expect(md).toContain('- cnnkit tfjs (tensorflow): not installed');
    expect(md).toContain('Machine: Test CPU, 2 logical cores');
  });

  it('judges the issue-8 targets from the medians, saying by how much a missed one misses', () => {
    const byName = Object.fromEntries(checkTargets(cells, training).map((t) => [t.target, t]));
    expect(byName['cpu backend, ResNet-18 b1: no slower than PyTorch']).toMatchObject({ met: false, detail: expect.stringContaining('1.50× (limit 1.00×; 1.50× over)') });
    expect(byName['cpu backend, ResNet-18 b1: beats TensorFlow.js wasm']!.met).toBe(true);
    // No raw tfjs cpu result and no cnnkit tfjs (cpu) cell: not measured rather than a guess.
    expect(byName['cpu backend, ResNet-18 b1: at least 10× faster than TensorFlow.js cpu']!.met).toBeUndefined();
    // 21 / 20 = 1.05: exactly at the limit is within it.
    expect(byName['onnxruntime backend: within 1.05× of ORT on the PyTorch export']!.met).toBe(true);
    expect(byName['tfjs backend (wasm): within 1.10× of raw tfjs on the same engine']).toMatchObject({ met: false });
    expect(byName['cpu backend, LeNet-5 MNIST training: no slower than PyTorch']).toMatchObject({ met: false, detail: expect.stringContaining('2.50×') });
  });
});
