import { OP_TYPES, Tensor, hostStorage, isCnnkitError, type Kernel } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { FAKE, FAKE_CASES, fakeBackend, fakeTrainingRun, reluCase, sigmoidCase } from '../test/fake-backend';
import { runSuite } from './run-suite';

const statuses = (r: Awaited<ReturnType<typeof runSuite>>) => Object.fromEntries(r.results.map((x) => [x.id, x.reason ? `${x.status}: ${x.reason}` : x.status]));

/** relu that lets negatives through: wrong wherever the input is negative. */
const leakyRelu: Kernel<'relu'> = ([x]) => [new Tensor(x!.shape, 'float32', hostStorage(Float32Array.from(x!.dataSync()), FAKE))];

describe('runSuite', () => {
  it('checks the device, runs what the backend declares, skips the rest with reasons, reports every op', async () => {
    let disposed = 0;
    const report = await runSuite({ create: () => fakeBackend({ onDispose: () => disposed++ }), expectDevice: 'cpu', cases: FAKE_CASES });
    expect(statuses(report)).toEqual({
      'relu/hand/basic': 'passed',
      'sigmoid/hand/basic': 'passed',
      'argMax/hand/rows': 'skipped: backend does not declare op argMax',
      'relu/training/grad': 'skipped: backend does not declare training capability',
    });
    expect(report.backend).toMatchObject({ name: FAKE, device: 'cpu' });
    expect(report.ops.map((o) => o.op)).toEqual(OP_TYPES);
    expect(report.ops.find((o) => o.op === 'relu')).toMatchObject({ passed: 1, skipped: 0, failed: 0 });
    expect(report.training.find((o) => o.subject === 'relu')).toMatchObject({ passed: 0, skipped: 1, failed: 0 });
    expect(report.totals).toEqual({ cases: 4, passed: 2, skipped: 2, failed: 0 });
    expect(report.ok).toBe(true);
    expect(disposed).toBe(1);
  });

  it('reports a wrong kernel as failures of that op only, and does not reject', async () => {
    const report = await runSuite({ create: () => fakeBackend({ kernels: { relu: leakyRelu } }), cases: [reluCase, sigmoidCase] });
    expect(report.results.map((r) => r.status)).toEqual(['failed', 'passed']);
    expect(report.results[0]!.reason).toMatch(/3 of 6 values differ.*got -2, expected 0/);
    expect(report.ok).toBe(false);
  });

  it('loosens a case tolerance by the backend tolerance', async () => {
    const off: Kernel<'sigmoid'> = ([x]) => [new Tensor(x!.shape, 'float32', hostStorage(x!.dataSync().map((v) => 1 / (1 + Math.exp(-v)) + 1e-3), FAKE))];
    const create = () => fakeBackend({ kernels: { sigmoid: off } });
    expect((await runSuite({ create, cases: [sigmoidCase] })).totals.failed).toBe(1);
    expect((await runSuite({ create, cases: [sigmoidCase], tolerance: { atol: 2e-3 } })).totals.passed).toBe(1);
  });

  it('applies caller skips with their reasons and the filter', async () => {
    const report = await runSuite({
      create: () => fakeBackend({ capabilities: { dtypes: ['float32', 'int32'], training: true } }),
      cases: FAKE_CASES,
      filter: (c) => c.id.startsWith('relu/'),
      skip: { ops: { relu: 'relu is out of scope here' }, cases: { 'relu/training/': 'gradients not yet wired' } },
    });
    expect(statuses(report)).toEqual({
      'relu/hand/basic': 'skipped: relu is out of scope here',
      'relu/training/grad': 'skipped: relu is out of scope here',
    });
  });

  it('rejects the whole suite when the backend is not on the device it claims', async () => {
    const create = () => fakeBackend({ capabilities: { devices: ['cuda'] }, info: { device: 'cpu', fallback: 'CUDA libraries missing' } });
    const error = await runSuite({ create, expectDevice: 'cuda', cases: FAKE_CASES }).catch((e: unknown) => e);
    expect(isCnnkitError(error, 'DEVICE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toMatch(/expected to run on device 'cuda' but info\(\) reports device 'cpu'; info\(\)\.fallback says: CUDA libraries missing/);
  });

  it('rejects a skip with an empty reason before creating the backend', async () => {
    let created = 0;
    const create = () => (created++, fakeBackend());
    await expect(runSuite({ create, cases: FAKE_CASES, skip: { cases: { 'relu/hand/basic': '' } } })).rejects.toThrow(/empty reason/);
    expect(created).toBe(0);
  });

  it('reports a case whose backend throws as failed, with the error', async () => {
    const boom: Kernel<'relu'> = () => {
      throw new Error('kernel exploded');
    };
    const report = await runSuite({ create: () => fakeBackend({ kernels: { relu: boom } }), cases: [reluCase] });
    expect(report.results[0]).toMatchObject({ status: 'failed', reason: 'threw Error: kernel exploded' });
  });

  it('runs a training run where training is declared: passes on a falling loss, fails on a flat or non-finite one', async () => {
    const create = () => fakeBackend({ capabilities: { training: true } });
    const cases = [
      fakeTrainingRun([2.3, 1.5, 1.2], 'training:fake/falls'),
      fakeTrainingRun([2.3, 2.0, 1.7], 'training:fake/too-slow'),
      fakeTrainingRun([2.3, NaN, 0.1], 'training:fake/nan'),
    ];
    const report = await runSuite({ create, cases });
    expect(statuses(report)).toEqual({
      'training:fake/falls': 'passed',
      'training:fake/too-slow': 'failed: final loss 1.700 is not below 0.7 × first loss 2.300 = 1.610 (losses: 2.300, 2.000, 1.700)',
      'training:fake/nan': 'failed: loss at step 2 is NaN; expected every loss finite (losses: 2.300, NaN, 0.1000)',
    });
    expect(report.training.find((r) => r.subject === 'training:fake')).toMatchObject({ cases: 3, passed: 1, failed: 2 });
  });

  it('reports a training run that throws as failed, with the error', async () => {
    const run = { ...fakeTrainingRun([1]), train: async () => Promise.reject(new Error('out of memory')) };
    const report = await runSuite({ create: () => fakeBackend({ capabilities: { training: true } }), cases: [run] });
    expect(report.results[0]).toMatchObject({ kind: 'model-training', subject: 'training:fake', status: 'failed', reason: 'threw Error: out of memory' });
  });
});
