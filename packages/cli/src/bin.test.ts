import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
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

    const demo = await cnnkit('demo', '--samples', '64');
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('61,706 parameters');
    expect(demo.stdout).toContain('identical outputs on a batch of 64');
  });

  it('lists the model zoo as JSON', async () => {
    const models = await cnnkit('models', '--json');
    expect(models.stderr).toBe('');
    expect(models.code).toBe(0);
    const rows = JSON.parse(models.stdout) as { name: string; parameters: number }[];
    expect(rows.find((r) => r.name === 'resnet18')?.parameters).toBe(11_689_512);
  });

  it('exits 2 on a usage error and 1 on a CnnkitError, with clean messages', async () => {
    const usage = await cnnkit('demo', '--samples');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('option --samples needs a value');
    const failure = await cnnkit('conformance', '--backend', 'nosuch');
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/^cnnkit conformance: error \[UNKNOWN_BACKEND\]: unknown backend 'nosuch'/);
    expect(failure.stderr).not.toMatch(/\n\s+at /);
  });
});
