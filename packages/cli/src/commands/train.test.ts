import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend as createOrtBackend } from '@cnnkit/backend-onnxruntime';
import { loadCheckpoint, readSafetensors, registerBackend } from '@cnnkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';
import { readMetricsLog } from '../training/metrics-log';

useCpuFromSource();
registerBackend('onnxruntime', (options) => createOrtBackend(options));

const dir = mkdtempSync(path.join(tmpdir(), 'cnnkit-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = path.join(dir, 'lenet5');

// 512 real MNIST training digits, validated on the first 512 test digits.
const TRAIN = ['train', '--model', 'lenet5', '--dataset', 'mnist', '--limit', '512', '--batch-size', '32', '--lr', '3e-3', '--seed', '1', '--progress', 'lines', '--backend', 'cpu', '--out', run];

describe('cnnkit train', () => {
  it('trains LeNet-5 on real MNIST and writes the run directory', async () => {
    const r = await runCli(...TRAIN, '--epochs', '2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^backend cpu on cpu: /);
    expect(r.stdout).toContain('validation on the mnist test split (512 samples)');
    // Progress lines every ~10% (16 batches: every 2nd) and one summary per epoch.
    expect(r.stdout).toMatch(/^epoch 1\/2 \[=+>? *\] 2\/16 loss \d\.\d{4} acc \d\.\d{3} [\d,]+ samples\/s ETA \d+:\d\d$/m);
    expect(r.stdout).toMatch(/^epoch 2\/2 loss \d\.\d{4} acc \d\.\d{4} val_loss \d\.\d{4} val_acc \d\.\d{4} lr 0\.00300 [\d.]+s [\d,]+ samples\/s$/m);
    for (const f of ['model.safetensors', 'run.json', 'metrics.jsonl', 'curves.html', 'checkpoint-last.safetensors', 'checkpoint-best.safetensors']) {
      expect(existsSync(path.join(run, f)), f).toBe(true);
    }
    const metrics = await readMetricsLog(path.join(run, 'metrics.jsonl'));
    expect(metrics.map((m) => m.epoch)).toEqual([1, 2]);
    // Loss falls, and accuracy is far above chance after 32 steps.
    expect(metrics[1]!.loss).toBeLessThan(metrics[0]!.loss);
    expect(metrics[1]!['val_accuracy']).toBeGreaterThan(0.7);
    expect(metrics[0]!.samples_per_second).toBeGreaterThan(0);
    expect(Object.keys(metrics[0]!)).toEqual(['epoch', 'loss', 'metrics', 'val_loss', 'val_accuracy', 'lr', 'seconds', 'samples_per_second']);

    const info = JSON.parse(await readFile(path.join(run, 'run.json'), 'utf8'));
    expect(info.model).toEqual({ name: 'lenet5', options: { numClasses: 10, inputSize: 28 } });
    expect(info.dataset).toBe('mnist');
    expect(info.normalization).toEqual({ mean: [0.1307], std: [0.3081] });
    expect(info.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(info.final.epoch).toBe(2);
    expect(info.final.val_accuracy).toBe(metrics[1]!['val_accuracy']);
    // The weights file holds exactly the model's 10 tensors, no optimizer state.
    const { tensors } = await readSafetensors(path.join(run, 'model.safetensors'));
    expect([...tensors.keys()].sort()).toEqual(['conv1.bias', 'conv1.weight', 'conv2.bias', 'conv2.weight', 'fc1.bias', 'fc1.weight', 'fc2.bias', 'fc2.weight', 'fc3.bias', 'fc3.weight']);
  }, 60_000);

  it('--resume continues from the last checkpoint to the new epoch count', async () => {
    const before = await loadCheckpoint(path.join(run, 'checkpoint-last.safetensors'));
    expect(before.epoch).toBe(2);
    const r = await runCli(...TRAIN, '--epochs', '3', '--resume');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Only the third epoch ran.
    expect(r.stdout).not.toMatch(/^epoch [12]\/3 /m);
    expect(r.stdout).toMatch(/^epoch 3\/3 loss /m);
    const after = await loadCheckpoint(path.join(run, 'checkpoint-last.safetensors'));
    expect(after.epoch).toBe(3);
    expect(after.step).toBe(before.step + 16);
    const metrics = await readMetricsLog(path.join(run, 'metrics.jsonl'));
    expect(metrics.map((m) => m.epoch)).toEqual([1, 2, 3]);
    expect(after.history.slice(0, 2).map((h) => h.loss)).toEqual(metrics.slice(0, 2).map((m) => m.loss));
  }, 60_000);

  it('refuses to train on a graph-only backend, naming the ones that can', async () => {
    const r = await runCli('train', '--model', 'lenet5', '--dataset', 'mnist', '--backend', 'onnxruntime', '--device', 'cpu', '--out', path.join(dir, 'ort'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/backend 'onnxruntime' cannot train: .*--backend cpu or --backend tfjs/);
    expect(existsSync(path.join(dir, 'ort'))).toBe(false);
  });

  it('usage errors name the option and what it takes', async () => {
    const r = await runCli('train', '--dataset', 'mnist', '--optimizer', 'rmsprop');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option --optimizer is 'rmsprop'; expected one of adam, adamw, sgd");
    const m = await runCli('train', '--dataset', 'mnist', '--momentum', '0.9');
    expect(m.stderr).toContain('option --momentum is for --optimizer sgd');
  });
});
