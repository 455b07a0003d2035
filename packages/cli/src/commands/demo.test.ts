import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importOnnx } from '@cnnkit/onnx';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';

useCpuFromSource();

describe('cnnkit demo (the main job, shortened)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-demo-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('trains LeNet-5 on real MNIST, evaluates, checkpoints, exports ONNX and runs it on every installed backend', async () => {
    const r = await runCli('demo', '--limit', '960', '--test-limit', '200', '--epochs', '2', '--out', dir, '--progress', 'lines', '--compare-batch', '64');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.split('\n')[0]).toMatch(/^backend cpu on cpu: /);
    for (const step of ['== 1. train ==', '== 2. evaluate ==', '== 3. export ==', '== 4. the exported model on every backend (200 test images, batch 64) ==']) expect(out).toContain(step);
    expect(out).toMatch(/^data: 960 training samples in 15 batches per epoch; validation on the mnist test split \(200 samples\)$/m);

    // Everything the run promises is on disk, and the ONNX file is a model our importer reads.
    for (const f of ['model.safetensors', 'run.json', 'metrics.jsonl', 'curves.html', 'checkpoint-last.safetensors', 'lenet5.onnx']) {
      expect((await stat(path.join(dir, f))).size, f).toBeGreaterThan(0);
    }
    const graph = importOnnx(new Uint8Array(await readFile(path.join(dir, 'lenet5.onnx'))));
    expect(graph.inputs[0]!.shape).toEqual(['N', 1, 28, 28]);

    // The evaluation and the comparison's cpu row run two different graphs (traced model, ONNX
    // file read back) over the same 200 images: the same accuracy, or the export lost something.
    const evalAcc = /^accuracy\s+([\d.]+)%?/m.exec(out) ?? /accuracy[: ]+([\d.]+)%/.exec(out);
    expect(evalAcc, 'evaluation accuracy line').not.toBeNull();
    const rows = out.split('\n').filter((l) => /^(cpu|tfjs \(wasm\)|tfjs \(cpu\)|onnxruntime)\s{2,}/.test(l));
    expect(rows.map((l) => l.split(/\s{2,}/)[0])).toEqual(['cpu', 'tfjs (wasm)', 'tfjs (cpu)', 'onnxruntime']);
    const cells = rows.map((l) => l.split(/\s{2,}/));
    const cpuAccuracy = cells[0]![2]!;
    for (const c of cells) {
      expect(c[2], `${c[0]} accuracy`).toBe(cpuAccuracy);
      expect(c[3], `${c[0]} agreement`).toBe('100.00%');
      expect(Number(c[4]), `${c[0]} max relative logit difference`).toBeLessThan(1e-4);
    }
    expect(out).toMatch(/^tfjs \(tensorflow\): not available: /m);
    const final = /^main job: LeNet-5 test accuracy ([\d.]+)% on 200 MNIST test images after 2 epochs: a shortened run/m.exec(out);
    expect(final).not.toBeNull();
    expect(`${final![1]}%`).toBe(cpuAccuracy);
    // Two epochs on 960 digits already learn something: far above the 10% of chance.
    expect(Number(final![1])).toBeGreaterThan(60);
  }, 120_000);

  it('refuses a bad option with a usage error', async () => {
    const r = await runCli('demo', '--progress', 'sometimes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option --progress is 'sometimes'; expected auto, bar or lines");
  });
});
