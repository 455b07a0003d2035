// Meta-tests: the conformance suite itself must notice what it exists to notice. They live here,
// not in @cnnkit/conformance, because conformance cannot depend on backend-cpu without a
// workspace dependency cycle (backend-cpu already depends on conformance for its tests), which
// turbo rejects. The suite's own machinery is unit-tested there with a fake backend.
import { type Backend, isCnnkitError } from '@cnnkit/core';
import { type SuiteReport, runSuite } from '@cnnkit/conformance';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../src';
import { cpuWith, skewedConv2d } from './altered-backends';
import { asyncOnly } from './async-only-backend';

const statusById = (r: SuiteReport): Record<string, string> => Object.fromEntries(r.results.map((x) => [x.id, x.status]));
const passedIds = (r: SuiteReport, keep: (op: string) => boolean = () => true): string[] =>
  r.results.filter((x) => x.status === 'passed' && keep(x.op)).map((x) => x.id);

let plain: SuiteReport;
beforeAll(async () => {
  plain = await runSuite({ create: () => createBackend(), expectDevice: 'cpu' });
});

describe('conformance meta: async-only tensors', () => {
  it('the wrapper really hands out tensors that cannot be read synchronously', async () => {
    const backend = asyncOnly(createBackend());
    const x = backend.fromHost!({ dtype: 'float32', shape: [2], data: Float32Array.of(-1, 2) });
    expect(() => x.dataSync()).toThrow(expect.objectContaining({ code: 'ASYNC_READ_ONLY' }));
    expect(Array.from(await x.data())).toEqual([-1, 2]);
  });

  it('passes every case the plain cpu backend passes', async () => {
    const wrapped = await runSuite({ create: () => asyncOnly(createBackend()), expectDevice: 'cpu' });
    expect(passedIds(plain).length).toBeGreaterThan(0);
    expect(passedIds(wrapped)).toEqual(passedIds(plain));
    expect(wrapped.backend.name).toBe('cpu-async-only');
  });
});

describe('conformance meta: a wrong kernel', () => {
  it('makes the conv2d cases fail while every other op keeps its result', async () => {
    const report = await runSuite({ create: () => cpuWith({ kernels: { conv2d: skewedConv2d } }), expectDevice: 'cpu' });
    const conv2dPassedBefore = passedIds(plain, (op) => op === 'conv2d');
    expect(conv2dPassedBefore.length).toBeGreaterThan(0);
    expect(passedIds(plain, (op) => op !== 'conv2d').length).toBeGreaterThan(0);
    for (const id of conv2dPassedBefore) {
      const r = report.results.find((x) => x.id === id)!;
      expect(r.status, id).toBe('failed');
      expect(r.reason, id).toMatch(/values differ beyond rtol/);
    }
    const others = (r: SuiteReport) => Object.fromEntries(Object.entries(statusById(r)).filter(([id]) => !id.startsWith('conv2d/')));
    expect(others(report)).toEqual(others(plain));
    expect(report.ops.find((o) => o.op === 'conv2d')!.failed).toBe(conv2dPassedBefore.length);
  });
});

describe('conformance meta: the device check', () => {
  it('fails the whole suite when a backend claims cuda but info() reports cpu, naming both', async () => {
    const liar = cpuWith({ capabilities: { devices: ['cuda'] }, info: { fallback: 'libcudart.so.11.0 not found' } });
    const error = await runSuite({ create: () => liar, expectDevice: 'cuda' }).catch((e: unknown) => e);
    expect(isCnnkitError(error, 'DEVICE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toMatch(/expected to run on device 'cuda' but info\(\) reports device 'cpu'/);
    expect((error as Error).message).toContain('libcudart.so.11.0 not found');
    expect(liar.compiled).toBe(0); // no case ran on the wrong device
  });
});

describe('conformance meta: skips', () => {
  it('skips, with a reason, the cases of an op the backend does not declare, and runs the rest', async () => {
    const base = createBackend();
    const ops = base.capabilities.ops.filter((op) => op !== 'maxPool2d');
    const keep = (c: { op: string }) => c.op === 'maxPool2d' || c.op === 'relu' || c.op === 'add';
    const report = await runSuite({ create: () => cpuWith({ capabilities: { ops } }), filter: keep });
    const maxPool = report.results.filter((r) => r.op === 'maxPool2d');
    expect(maxPool.length).toBeGreaterThan(0);
    for (const r of maxPool) expect(r).toMatchObject({ status: 'skipped', reason: 'backend does not declare op maxPool2d' });
    expect(report.ops.find((o) => o.op === 'maxPool2d')!.skipReasons).toEqual(['backend does not declare op maxPool2d']);
    const ran = report.results.filter((r) => r.op !== 'maxPool2d');
    expect(ran.map((r) => [r.id, r.status])).toEqual(ran.map((r) => [r.id, statusById(plain)[r.id]]));
  });

  it('rejects a skipped case with an empty reason', async () => {
    let created = 0;
    const create = (): Backend => (created++, createBackend());
    await expect(runSuite({ create, skip: { cases: { 'conv2d/': '' } } })).rejects.toThrow(/skip\.cases\['conv2d\/'\] has an empty reason/);
    expect(created).toBe(0);
  });
});
