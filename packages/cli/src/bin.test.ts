import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// The published executable, as a user runs it: built dist files, a separate process, and a
// working directory outside the repository (so backends resolve from the CLI's own dependencies).
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

async function cnnkit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: os.tmpdir(), env: { ...process.env, CNNKIT_BACKEND: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('dist/bin.js', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first (npx -y pnpm@10 build, or npx tsup in core, backend-cpu, conformance, datasets and cli)`);
  });

  it('is an executable node script', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('runs info and demo on the cpu backend from outside the repository', async () => {
    const info = await cnnkit('info');
    expect(info.stderr).toBe('');
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/^device +cpu$/m);

    // The main job, shortened: the backends it compares resolve from the CLI's own dependencies.
    const out = await mkdtemp(path.join(os.tmpdir(), 'cnnkit-bin-demo-'));
    try {
      const demo = await cnnkit('demo', '--limit', '320', '--test-limit', '64', '--epochs', '1', '--out', out, '--progress', 'lines');
      expect(demo.stderr).toBe('');
      expect(demo.code).toBe(0);
      expect(demo.stdout).toContain('training: lenet5, 61,706 of 61,706 parameters trainable');
      expect(demo.stdout).toMatch(/^onnxruntime {2,}cpu/m);
      expect(demo.stdout).toMatch(/^tfjs \(wasm\) {2,}wasm {2,}/m);
      expect(demo.stdout).toMatch(/^main job: LeNet-5 test accuracy [\d.]+% on 64 MNIST test images after 1 epoch: a shortened run/m);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('lists the model zoo as JSON', async () => {
    const models = await cnnkit('models', '--json');
    expect(models.stderr).toBe('');
    expect(models.code).toBe(0);
    const rows = JSON.parse(models.stdout) as { name: string; parameters: number }[];
    expect(rows.find((r) => r.name === 'resnet18')?.parameters).toBe(11_689_512);
  });

  it('exits 2 on a usage error and 1 on a CnnkitError, with clean messages', async () => {
    const usage = await cnnkit('demo', '--limit');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('option --limit needs a value');
    const failure = await cnnkit('conformance', '--backend', 'nosuch');
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/^cnnkit conformance: error \[UNKNOWN_BACKEND\]: unknown backend 'nosuch'/);
    expect(failure.stderr).not.toMatch(/\n\s+at /);
  });
});
