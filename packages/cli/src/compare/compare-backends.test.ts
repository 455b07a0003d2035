import { F, createModel, manualSeed, setBackend, traceModule } from '@cnnkit/core';
import { loadMnist } from '@cnnkit/datasets';
import { describe, expect, it } from 'vitest';
import { useCpuFromSource } from '../testing/cli-harness';
import { argmaxRow } from '../demo/classify';
import { compareBackends } from './compare-backends';
import { comparisonProblems, formatComparison } from './format-comparison';
import { openInstalledBackends } from './installed-backends';

describe('compareBackends', () => {
  it('runs one traced LeNet-5 on every opened backend, lists the missing ones, and measures agreement against the first', async () => {
    useCpuFromSource();
    manualSeed(3);
    const model = createModel('lenet5');
    model.eval();
    const graph = traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' }, { name: 'lenet5' });
    const test = await loadMnist('test', { limit: 96 });
    const data = { images: test.images, imageShape: test.shape, labels: test.labels, count: test.count };
    const opened = await openInstalledBackends([
      { label: 'cpu', name: 'cpu', options: {} },
      { label: 'tfjs (wasm)', name: 'tfjs', options: { engine: 'wasm' } },
      { label: 'no such backend', name: '@cnnkit/backend-does-not-exist', options: {} },
    ]);
    const c = await compareBackends(graph, data, opened, { batchSize: 32, singleRuns: 3 });
    expect(c.reference).toBe('cpu');
    expect(c.rows.map((r) => r.label)).toEqual(['cpu', 'tfjs (wasm)', 'no such backend']);
    const [cpu, wasm, missing] = c.rows;
    if (!cpu || !('run' in cpu) || !wasm || !('run' in wasm)) throw new Error(`expected cpu and tfjs (wasm) to run: ${JSON.stringify(c.rows)}`);
    expect(cpu.run.agreement).toBe(1);
    expect(cpu.run.maxRelativeDiff).toBe(0);
    expect(cpu.run.info.name).toBe('cpu');
    expect(wasm.run.info.name).toBe('tfjs-wasm');
    expect(wasm.run.maxRelativeDiff).toBeLessThan(1e-4);
    expect(wasm.run.agreement).toBeGreaterThan(0.95);
    expect(missing && 'unavailable' in missing && missing.unavailable).toMatch(/backend-does-not-exist/);
    // Accuracy is the share of argmaxes equal to the labels, recomputed here from the eager model.
    const first = opened[0];
    if (!first || !('backend' in first)) throw new Error('cpu backend did not open');
    setBackend(first.backend);
    await model.toBackend();
    const logits = await model.call(F.tensor(test.images, [96, 1, 28, 28])).data();
    let correct = 0;
    for (let i = 0; i < 96; i++) if (argmaxRow(logits as Float32Array, i, 10) === test.labels[i]) correct++;
    expect(cpu.run.accuracy).toBe(correct / 96);
    const table = formatComparison(c);
    expect(table[0]).toMatch(/^backend\s+device\s+accuracy\s+agrees with cpu/);
    expect(table.some((l) => l.startsWith('tfjs (wasm)') && l.includes('wasm'))).toBe(true);
    expect(table.at(-1)).toMatch(/^no such backend: not available: /);
    expect(comparisonProblems(c)).toEqual([]);
  }, 60_000);

  it('reports a backend whose outputs disagree, and one that fails, without stopping the others', async () => {
    useCpuFromSource();
    manualSeed(4);
    const model = createModel('lenet5');
    model.eval();
    const graph = traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' }, { name: 'lenet5' });
    const test = await loadMnist('test', { limit: 8 });
    const data = { images: test.images, imageShape: test.shape, labels: test.labels, count: test.count };
    const [cpu] = await openInstalledBackends([{ label: 'cpu', name: 'cpu', options: {} }]);
    if (!cpu || !('backend' in cpu)) throw new Error('cpu backend did not open');
    const base = cpu.backend;
    // A backend that adds 1 to every logit of the reference's outputs, and one that cannot compile.
    const shifted = Object.assign(Object.create(base) as typeof base, { compile: async (g: typeof graph) => {
      const exe = await base.compile(g);
      return { ...exe, run: async (feeds: Parameters<typeof exe.run>[0]) => {
        const outs = await exe.run(feeds);
        const name = exe.outputs[0]!;
        const v = await outs[name]!.data();
        outs[name]!.dispose();
        return { [name]: (await import('@cnnkit/core')).Tensor.fromValue({ dtype: 'float32', shape: [v.length / 10, 10], data: Float32Array.from(v, (x) => x + 1) }) };
      } };
    } });
    const broken = Object.assign(Object.create(base) as typeof base, { compile: async () => { throw new Error('no kernels here'); } });
    const c = await compareBackends(graph, data, [
      cpu,
      { candidate: { label: 'shifted', name: 'x', options: {} }, backend: shifted },
      { candidate: { label: 'broken', name: 'y', options: {} }, backend: broken },
    ], { batchSize: 4, singleRuns: 1 });
    const problems = comparisonProblems(c);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^shifted differs from cpu by .* of the logits' scale; expected at most 0.001$/);
    expect(problems[1]).toBe('broken failed: no kernels here');
    const shiftedRow = c.rows[1]!;
    // Adding a constant keeps every argmax: full agreement although the logits differ.
    expect('run' in shiftedRow && shiftedRow.run.agreement).toBe(1);
  }, 30_000);
});
