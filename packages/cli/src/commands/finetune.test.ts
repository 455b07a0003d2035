import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TensorValue, readSafetensors } from '@cnnkit/core';
import { fashionMnistDataDir } from '@cnnkit/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';

useCpuFromSource();

const dir = mkdtempSync(path.join(tmpdir(), 'cnnkit-finetune-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pretrained = path.join(dir, 'mnist');
const tuned = path.join(dir, 'fashion');
const haveFashion = existsSync(path.join(fashionMnistDataDir(), 'train-labels-idx1-ubyte.gz')) || existsSync(path.join(fashionMnistDataDir(), 'train-labels-idx1-ubyte'));

async function weights(file: string): Promise<Map<string, TensorValue>> {
  return (await readSafetensors(file)).tensors;
}

const bits = (t: TensorValue): Uint8Array => new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);

beforeAll(async () => {
  const r = await runCli('train', '--dataset', 'mnist', '--limit', '256', '--epochs', '1', '--batch-size', '32', '--seed', '5', '--progress', 'lines', '--backend', 'cpu', '--out', pretrained);
  expect(r.stderr).toBe('');
}, 60_000);

describe.runIf(haveFashion)("cnnkit finetune (Debian's dataset-fashion-mnist)", () => {
  it("--new-head --freeze 'conv*': frozen weights stay bit-identical, the new head and fc1/fc2 train", async () => {
    const r = await runCli('finetune', '--from', pretrained, '--dataset', 'fashion-mnist', '--new-head', '--freeze', 'conv*', '--head-lr', '5e-3', '--lr', '1e-3',
      '--limit', '256', '--epochs', '1', '--batch-size', '32', '--progress', 'lines', '--backend', 'cpu', '--out', tuned);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`pretrained: '${path.join(pretrained, 'model.safetensors')}': loaded 8 tensors; new head 'fc3' (10 classes) left at its initial values: fc3.weight, fc3.bias`);
    expect(r.stdout).toContain('frozen: 4 tensors (conv1.weight, conv1.bias, conv2.weight, conv2.bias)');
    expect(r.stdout).toContain('training: lenet5, 59,134 of 61,706 parameters trainable; adam lr 0.001 (body lr 0.001, head fc3 lr 0.005)');
    const before = await weights(path.join(pretrained, 'model.safetensors'));
    const after = await weights(path.join(tuned, 'model.safetensors'));
    for (const key of ['conv1.weight', 'conv1.bias', 'conv2.weight', 'conv2.bias']) expect(bits(after.get(key)!), key).toEqual(bits(before.get(key)!));
    for (const key of ['fc1.weight', 'fc2.weight', 'fc3.weight', 'fc3.bias']) expect(bits(after.get(key)!), key).not.toEqual(bits(before.get(key)!));
    const info = JSON.parse(await readFile(path.join(tuned, 'run.json'), 'utf8'));
    expect(info.dataset).toBe('fashion-mnist');
    expect(info.classes[0]).toBe('T-shirt/top');
    expect(info.finetune).toMatchObject({ newHead: 'fc3', frozen: ['conv1.weight', 'conv1.bias', 'conv2.weight', 'conv2.bias'], loaded: 8, headLr: 5e-3 });
    expect(info.optimizer.groups).toEqual([{ name: 'body', parameters: 4, lr: 1e-3 }, { name: 'head fc3', parameters: 2, lr: 5e-3 }]);
    // The fine-tuned run evaluates like any other.
    const e = await runCli('eval', '--run', tuned, '--limit', '100', '--backend', 'cpu');
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('data: the fashion-mnist test split (100 samples)');
    expect(e.stdout).toMatch(/^ +T-shirt\/top +\d\.\d{4}/m);
  }, 60_000);
});

describe('cnnkit finetune', () => {
  it('a pattern that matches nothing is an error naming the parameters there are', async () => {
    const r = await runCli('finetune', '--from', pretrained, '--dataset', 'mnist', '--freeze', 'features', '--limit', '64', '--epochs', '1', '--backend', 'cpu', '--out', path.join(dir, 'bad'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("freeze('features'): no parameter name matches");
    expect(r.stderr).toContain("'conv1', 'conv2', 'fc1', 'fc2', 'fc3'");
  }, 30_000);

  it('needs the pretrained weights from --from or --weights', async () => {
    const r = await runCli('finetune', '--dataset', 'mnist');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give either --from DIR (a run directory) or --weights FILE');
  });
});
