// The must-show: torchvision's resnet18 (its own random init) saved as safetensors loads
// into cnnkit's resnet18 with loadStateDict (strict) and reproduces PyTorch's logits within 1e-4
// relative on the cpu backend. fixtures/resnet18_torchvision.py writes the 46 MB weights, an
// input and PyTorch's logits into a temporary directory at test time (never committed); it
// needs Debian's python3-torch and python3-torchvision for /usr/bin/python3.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Module, type TensorValue, createModel, engine, readNpy, readSafetensors, setBackend, tidy } from '@cnnkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';

const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'resnet18_torchvision.py');

/** Why PyTorch cannot be the reference here, or undefined when it can. */
function torchvisionMissing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found (install python3-torch and python3-torchvision)`;
  const probe = spawnSync(PYTHON, ['-c', 'import torch, torchvision'], { encoding: 'utf8', timeout: 120_000 });
  if (probe.status === 0) return undefined;
  const why = (probe.stderr || probe.error?.message || `exit status ${probe.status}`).trim().split('\n').pop();
  return `${PYTHON} cannot import torch and torchvision (${why}); install python3-torch and python3-torchvision`;
}

const missing = torchvisionMissing();

/** |actual − expected| <= rtol · max|expected| for every logit: relative to the logits' scale. */
function worstRelativeToScale(actual: TensorValue, expected: readonly number[]): { worst: number; at: number; scale: number } {
  const scale = Math.max(...expected.map(Math.abs));
  let worst = 0;
  let at = -1;
  expected.forEach((e, i) => {
    const d = Math.abs(actual.data[i]! - e) / scale;
    if (d > worst || Number.isNaN(d)) [worst, at] = [d, i];
  });
  return { worst, at, scale };
}

const title = 'resnet18 with a torchvision state dict saved as safetensors';

if (missing !== undefined) {
  describe(title, () => {
    it.skip(`loads and matches PyTorch's logits — skipped: ${missing}`, () => {});
  });
} else describe(title, () => {
  let dir = '';
  let model: Module;
  let expected: { logits: number[][]; torch: string; torchvision: string };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-resnet18-'));
    await promisify(execFile)(PYTHON, [SCRIPT, dir], { timeout: 300_000 });
    expected = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as typeof expected;
    setBackend(createBackend());
    model = createModel('resnet18', { skipInit: true });
  }, 600_000);

  afterAll(async () => {
    model?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads every key strictly: float32 weights and int64 num_batches_tracked alike', async () => {
    const { tensors, metadata } = await readSafetensors(path.join(dir, 'resnet18.safetensors'));
    expect(metadata.source).toMatch(/torchvision\.models\.resnet18/);
    expect(tensors.size).toBe(122); // 62 parameters, 3 buffers for each of 20 BatchNorms
    expect(tensors.get('bn1.num_batches_tracked')).toMatchObject({ dtype: 'int32', shape: [] });
    const report = model.loadStateDict(Object.fromEntries(tensors));
    expect(report).toMatchObject({ missing: [], unexpected: [], mismatched: [] });
    expect(report.loaded).toHaveLength(122);
    expect(model.parameterCount()).toBe(11_689_512);
  });

  it(`matches PyTorch's logits within 1e-4 relative on the cpu backend`, async () => {
    model.eval();
    const input = await readNpy(path.join(dir, 'input.npy'));
    expect(input.shape).toEqual([2, 3, 224, 224]);
    const logits = await tidy(() => model.call(engine.upload(input))).toValue();
    expect(logits.shape).toEqual([2, 1000]);
    const flat = expected.logits.flat();
    const { worst, at, scale } = worstRelativeToScale(logits, flat);
    console.log(`resnet18 vs PyTorch ${expected.torch}: worst |difference| ${(worst * scale).toExponential(2)}, ${worst.toExponential(2)} of the logits' scale ${scale.toFixed(3)}`);
    expect(worst, `worst logit ${at}: got ${logits.data[at]}, PyTorch ${expected.torch} gives ${flat[at]} (scale ${scale})`).toBeLessThan(1e-4);
    // Elementwise too, as allclose(rtol=1e-4, atol=1e-5): logits near 0 get an absolute floor.
    const bad = flat.filter((e, i) => !(Math.abs(logits.data[i]! - e) <= 1e-5 + 1e-4 * Math.abs(e)));
    expect(bad, 'logits outside rtol 1e-4 + atol 1e-5').toEqual([]);
    // The same class wins for each sample.
    for (let n = 0; n < 2; n++) {
      const row = (v: ArrayLike<number>) => Array.from({ length: 1000 }, (_, k) => v[n * 1000 + k]!);
      const argmax = (r: number[]) => r.indexOf(Math.max(...r));
      expect(argmax(row(logits.data))).toBe(argmax(expected.logits[n]!));
    }
  }, 120_000);
});
