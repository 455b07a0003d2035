import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KERNELS, cpuTensor } from '@cnnkit/backend-cpu';
import { type Backend, type KernelTable, compileWithKernels, registerBackend } from '@cnnkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';
import { reportPaths } from './report-files';

useCpuFromSource();

/** The cpu backend with relu off by one: every relu case must fail. */
function brokenReluBackend(): Backend {
  const cpu = KERNELS;
  const kernels: KernelTable = {
    ...cpu,
    relu: (inputs, attrs) => {
      const [y] = cpu.relu!(inputs, attrs);
      const wrong = Float32Array.from(y!.dataSync(), (v) => v + 1);
      return [cpuTensor(wrong, y!.shape)];
    },
  };
  return {
    name: 'broken-relu',
    capabilities: { training: false, eager: true, devices: ['cpu'], dtypes: ['float32', 'int32'], ops: ['relu'] },
    info: async () => ({ name: 'broken-relu', device: 'cpu', description: 'cpu with relu off by one', versions: {} }),
    compile: async (graph) => compileWithKernels(graph, { backend: 'cpu', kernels, upload: (v) => cpuTensor(v.data, v.shape) }),
  };
}
registerBackend('broken-relu', brokenReluBackend);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cnnkit-cli-conformance-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cnnkit conformance', () => {
  it('runs the filtered cases on cpu, prints the matrix and summary, writes coverage.md/json into a folder', async () => {
    const out = path.join(dir, 'into-folder');
    const r = await runCli('conformance', '--backend', 'cpu', '--filter', 'relu/', '--report', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Conformance: cpu');
    expect(r.stdout).toContain('| op | passed | skipped | failed | notes |');
    // relu has a row in the forward section and one in the gradient section ('relu/grad/...').
    const rows = [...r.stdout.matchAll(/^\| relu \| (\d+) \| 0 \| 0 \|/gm)].map((m) => Number(m[1]));
    expect(rows, 'relu rows in the matrix').toHaveLength(2);
    expect(rows.every((n) => n > 0)).toBe(true);
    const passed = rows[0]! + rows[1]!;
    // 'relu/' picks relu's own cases, not leakyRelu's.
    expect(r.stdout).toMatch(/^\| leakyRelu \| 0 \| 0 \| 0 \|/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`conformance cpu: ${passed} passed, 0 failed, 0 skipped`);

    const md = await readFile(path.join(out, 'coverage.md'), 'utf8');
    const json = JSON.parse(await readFile(path.join(out, 'coverage.json'), 'utf8')) as { backend: { device: string }; totals: { passed: number; failed: number }; ok: boolean };
    expect(md).toContain(`| relu | ${rows[0]} | 0 | 0 |`);
    expect(json.backend.device).toBe('cpu');
    expect(json.totals).toMatchObject({ passed, failed: 0 });
    expect(json.ok).toBe(true);
    expect(r.stdout).toContain(`report: ${path.join(out, 'coverage.md')}, ${path.join(out, 'coverage.json')}`);
  });

  it('writes FILE.md and FILE.json when --report names a .md file', async () => {
    const file = path.join(dir, 'nested', 'cpu.md');
    const r = await runCli('conformance', '--filter', 'relu/', '--report', file);
    expect(r.code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('# Conformance: cpu');
    expect(JSON.parse(await readFile(path.join(dir, 'nested', 'cpu.json'), 'utf8'))).toHaveProperty('ok', true);
  });

  it('exits 1 and lists the failures when a case fails', async () => {
    const r = await runCli('conformance', '--backend', 'broken-relu', '--filter', 'relu/');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\| relu \| 0 \| 0 \| [1-9]\d* \|/m);
    expect(r.stdout).toMatch(/^- `relu\/[^`]+`: /m);
    // broken-relu does not declare training, so relu's gradient cases are skipped, not failed.
    expect(r.stdout).toMatch(/^\| relu \| 0 \| [1-9]\d* \| 0 \| skipped: backend does not declare training capability \|/m);
    expect(r.stdout).toMatch(/conformance broken-relu: 0 passed, [1-9]\d* failed, [1-9]\d* skipped\s*$/);
  });

  it('reports ops the backend does not declare as skipped, not failed', async () => {
    const r = await runCli('conformance', '--backend', 'broken-relu', '--filter', 'sigmoid/');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| sigmoid \| 0 \| [1-9]\d* \| 0 \| skipped: backend does not declare op sigmoid \|/m);
  });

  it('fails when the backend is not on the expected device', async () => {
    const r = await runCli('conformance', '--backend', 'cpu', '--filter', 'relu/', '--expect-device', 'cuda');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error [DEVICE_UNAVAILABLE]: backend 'cpu' was expected to run on device 'cuda' but info() reports device 'cpu'");
  });

  it('prints core\'s error for an unknown backend: the known backends and how to install one', async () => {
    const r = await runCli('conformance', '--backend', 'nosuch');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("cnnkit conformance: error [UNKNOWN_BACKEND]: unknown backend 'nosuch'; expected one of 'cpu' (@cnnkit/backend-cpu), 'tfjs' (@cnnkit/backend-tfjs), 'onnxruntime' (@cnnkit/backend-onnxruntime)");
    expect(r.stderr).toContain("npm install @cnnkit/backend-cpu");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says when a backend package is not installed and how to install it', async () => {
    // A package name that will never be installed, so the test holds as real backends arrive.
    const r = await runCli('conformance', '--backend', '@cnnkit/backend-never-published');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error [BACKEND_NOT_INSTALLED]: backend '@cnnkit/backend-never-published' needs the package @cnnkit/backend-never-published, which is not installed; install it with 'npm install @cnnkit/backend-never-published'");
  });

  it('rejects a filter that matches no case before creating the backend', async () => {
    const r = await runCli('conformance', '--backend', 'nosuch', '--filter', 'no-such-case');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--filter 'no-such-case' matches none of the \d+ case ids/);
  });
});

describe('reportPaths', () => {
  it('pairs FILE.md with FILE.json and treats anything else as a folder', () => {
    expect(reportPaths('out/cpu.md')).toEqual({ markdown: 'out/cpu.md', json: 'out/cpu.json' });
    expect(reportPaths('out/cpu.JSON')).toEqual({ markdown: 'out/cpu.md', json: 'out/cpu.json' });
    expect(reportPaths('out/reports')).toBeUndefined();
    expect(reportPaths('out/v1.2/')).toBeUndefined();
  });
});
