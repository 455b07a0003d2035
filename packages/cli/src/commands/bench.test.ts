import { createBackend as createCpuBackend } from '@cnnkit/backend-cpu';
import { registerBackend } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../args';
import { captureIo } from '../io';
import { benchCommand, benchOptions } from './bench';

const parse = (...argv: string[]) => parseCommandArgs(benchCommand.spec, argv);

describe('cnnkit bench', () => {
  it('reads its options; --quick changes only the defaults not given', () => {
    const quick = benchOptions(parse('--quick', '--repeats', '4'), 'x');
    expect(quick.models).toEqual(['lenet5', 'resnet18']);
    expect(quick.batches).toEqual([1]);
    expect(quick.budget).toEqual({ warmup: 1, warmupSeconds: 1, repeats: 4, cellSeconds: 5, minSampleMs: 2 });
    expect(benchOptions(parse('--warmup-seconds', '0'), 'x').budget.warmupSeconds).toBe(0);
    expect(benchOptions(parse('--min-sample-ms', '0'), 'x').budget.minSampleMs).toBe(0);
    const full = benchOptions(parse(), 'x');
    expect(full.models).toEqual(['lenet5', 'resnet18', 'resnet50', 'vgg11', 'textCnn']);
    expect(full.batches).toEqual([1, 32]);
    expect(full.backends).toEqual(['cpu', 'tfjs-wasm', 'tfjs-cpu', 'onnxruntime']);
    expect(full.alternatives && full.training).toBe(true);
    expect(() => benchOptions(parse('--models', 'lenet5,resnet7'), 'x')).toThrow(/--models is 'lenet5,resnet7'; expected a comma-separated list of/);
    expect(() => benchOptions(parse('--batches', '1,0'), 'x')).toThrow(/--batches is '1,0'/);
    expect(() => benchOptions(parse('--backends', 'gpu'), 'x')).toThrow(/--backends is 'gpu'/);
  });

  it('times LeNet-5 at batch 1 on the cpu backend and prints the table', async () => {
    // The cpu backend from its sources (vitest aliases @cnnkit/*), not whatever dist was last built.
    registerBackend('cpu', (options) => createCpuBackend(options));
    const io = captureIo();
    const code = await benchCommand.run(parse('--models', 'lenet5', '--batches', '1', '--backends', 'cpu', '--repeats', '3', '--warmup', '1', '--warmup-seconds', '0', '--no-alternatives', '--no-training'), io);
    expect(code).toBe(0);
    const out = io.stdout.join('\n');
    const row = out.split('\n').find((l) => l.startsWith('| lenet5 | 1 | cnnkit cpu |'));
    expect(row, out).toBeDefined();
    const [median, spread, runs] = row!.split('|').slice(4, 7).map((s) => s.trim());
    expect(Number(median)).toBeGreaterThan(0);
    const [p10, p90] = spread!.split('–').map(Number);
    expect(p10).toBeLessThanOrEqual(Number(median));
    expect(p90).toBeGreaterThanOrEqual(Number(median));
    // Three samples; a LeNet-5 b1 run is well under the 2 ms a sample fills, so each averages several.
    expect(runs).toMatch(/^3 × \d+$/);
    expect(Number(runs!.split(' × ')[1])).toBeGreaterThan(1);
    expect(out).toMatch(/^Machine: .+, \d+ logical cores/);
    // No alternatives ran: the targets that need them say so instead of passing.
    expect(out).toContain('| onnxruntime backend: within 1.05× of ORT on the PyTorch export | not measured |');
  }, 20_000);
});
