// Meta-tests: the conformance suite itself must notice what it exists to notice. They live here,
// not in @cnnkit/conformance, because conformance cannot depend on backend-cpu without a
// workspace dependency cycle (backend-cpu already depends on conformance for its tests), which
// turbo rejects. The suite's own machinery is unit-tested there with a fake backend.
import { type Backend, type GradFn, F, GRADIENTS, isCnnkitError } from '@cnnkit/core';
import { MODEL_SUBJECTS, type SuiteCase, type SuiteCaseResult, type SuiteReport, caseKind, caseSubject, runSuite } from '@cnnkit/conformance';
import { beforeAll, describe, expect, it } from 'vitest';
import { KERNELS, createBackend } from '../src';
import { cpuWith, skewed, skewedConv2d } from './altered-backends';
import { asyncOnly } from './async-only-backend';

type Keep = (r: SuiteCaseResult) => boolean;
const all: Keep = () => true;
const forward: Keep = (r) => r.kind === 'op';
const gradientsOf = (op: string): Keep => (r) => r.kind === 'gradient' && r.subject === op;
const isTraining: Keep = (r) => r.level === 'training';
/** Whole-model cases take most of the suite's time: runs that are not about them keep only the small LeNet-5 ones. */
const fewModels = (c: SuiteCase): boolean => caseKind(c) !== 'model' || caseSubject(c) === 'model:lenet5';

const statusById = (r: SuiteReport, keep: Keep = all): Record<string, string> =>
  Object.fromEntries(r.results.filter(keep).map((x) => [x.id, x.status]));
const passedIds = (r: SuiteReport, keep: Keep = all): string[] => r.results.filter((x) => x.status === 'passed' && keep(x)).map((x) => x.id);

let plain: SuiteReport;
beforeAll(async () => {
  // Every case but the big models, which test/conformance.test.ts runs once already.
  plain = await runSuite({ create: () => createBackend(), expectDevice: 'cpu', filter: fewModels });
}, 600_000);

describe('conformance meta: the plain cpu backend', () => {
  it('declares training and passes every case of every kind, none skipped', () => {
    expect(createBackend().capabilities.training).toBe(true);
    expect(plain.totals.failed, JSON.stringify(plain.results.filter((r) => r.status === 'failed'), null, 1)).toBe(0);
    expect(plain.totals.skipped).toBe(0);
    for (const kind of ['op', 'model', 'gradient', 'optimizer', 'model-training'] as const) {
      expect(plain.results.filter((r) => r.kind === kind).length, kind).toBeGreaterThan(0);
    }
    expect(plain.training.find((r) => r.subject === 'training:lenet5')).toMatchObject({ cases: 1, passed: 1 });
  });

  it('lists every model of the zoo in the Models section (their cases run in test/conformance.test.ts)', () => {
    expect(plain.models.map((r) => r.subject)).toEqual(MODEL_SUBJECTS);
    expect(MODEL_SUBJECTS).toHaveLength(18);
    expect(plain.models.find((r) => r.subject === 'model:lenet5')).toMatchObject({ cases: 2, passed: 2 });
  });
});

describe('conformance meta: async-only tensors', () => {
  it('the wrapper really hands out tensors that cannot be read synchronously', async () => {
    const backend = asyncOnly(createBackend());
    const x = backend.fromHost!({ dtype: 'float32', shape: [2], data: Float32Array.of(-1, 2) });
    expect(() => x.dataSync()).toThrow(expect.objectContaining({ code: 'ASYNC_READ_ONLY' }));
    expect(Array.from(await x.data())).toEqual([-1, 2]);
  });

  it('passes every forward case the plain cpu backend passes, and skips training cases (it has no eager kernels)', async () => {
    const wrapped = await runSuite({ create: () => asyncOnly(createBackend()), expectDevice: 'cpu', filter: fewModels });
    expect(passedIds(plain, forward).length).toBeGreaterThan(0);
    expect(passedIds(wrapped, forward)).toEqual(passedIds(plain, forward));
    // Model cases are traced and compiled: a graph-only backend runs them.
    const models = wrapped.results.filter((r) => r.kind === 'model');
    expect(models.map((r) => [r.id, r.status])).toEqual([['model:lenet5/pytorch/28x28', 'passed'], ['model:lenet5/pytorch/32x32', 'passed']]);
    const training = wrapped.results.filter(isTraining);
    expect(training.length).toBeGreaterThan(0);
    for (const r of training) expect(r).toMatchObject({ status: 'skipped', reason: 'backend does not declare training capability' });
    expect(wrapped.backend.name).toBe('cpu-async-only');
  });
});

describe('conformance meta: a wrong kernel', () => {
  it('makes the conv2d forward cases fail while every other op keeps its result', async () => {
    const report = await runSuite({ create: () => cpuWith({ kernels: { conv2d: skewedConv2d } }), expectDevice: 'cpu', filter: fewModels });
    const conv2dPassedBefore = passedIds(plain, (r) => forward(r) && r.subject === 'conv2d');
    expect(conv2dPassedBefore.length).toBeGreaterThan(0);
    expect(passedIds(plain, (r) => r.subject !== 'conv2d').length).toBeGreaterThan(0);
    for (const id of conv2dPassedBefore) {
      const r = report.results.find((x) => x.id === id)!;
      expect(r.status, id).toBe('failed');
      expect(r.reason, id).toMatch(/values differ beyond rtol/);
    }
    // conv2d's finite-difference gradients and LeNet (trained, and on seeded weights) run the skewed forward kernel too.
    const lenet = report.results.filter((r) => r.subject === 'model:lenet5');
    expect(lenet.length).toBe(2);
    for (const r of lenet) expect(r, r.id).toMatchObject({ status: 'failed', reason: expect.stringMatching(/values differ beyond rtol/) });
    const others: Keep = (r) => r.subject !== 'conv2d' && r.subject !== 'training:lenet5' && r.kind !== 'model';
    expect(statusById(report, others)).toEqual(statusById(plain, others));
    expect(report.ops.find((o) => o.op === 'conv2d')!.failed).toBe(conv2dPassedBefore.length);
  });

  it('makes conv2d gradient cases fail when a backward kernel is wrong, while its forward cases pass', async () => {
    const report = await runSuite({
      create: () => cpuWith({ kernels: { conv2dBackwardFilter: skewed(KERNELS.conv2dBackwardFilter!) } }),
      filter: (c) => caseSubject(c) === 'conv2d' || caseSubject(c) === 'relu',
    });
    const conv2dGradients = report.results.filter(gradientsOf('conv2d'));
    expect(conv2dGradients.length).toBeGreaterThan(0);
    for (const r of conv2dGradients) {
      expect(r.status, r.id).toBe('failed');
      expect(r.reason, r.id).toMatch(/output 'dweight'.*values differ beyond rtol/);
    }
    expect(statusById(report, (r) => !gradientsOf('conv2d')(r))).toEqual(statusById(plain, (r) => (r.subject === 'conv2d' || r.subject === 'relu') && !gradientsOf('conv2d')(r)));
  });
});

describe('conformance meta: a wrong kernel under an optimizer', () => {
  it('makes the Adam and AdamW step cases fail when sqrt is wrong, while SGD, which never takes a root, passes', async () => {
    const report = await runSuite({ create: () => cpuWith({ kernels: { sqrt: skewed(KERNELS.sqrt!) } }), filter: (c) => caseKind(c) === 'optimizer' });
    const adams = report.results.filter((r) => r.subject === 'optimizer:adam' || r.subject === 'optimizer:adamw');
    const sgd = report.results.filter((r) => r.subject === 'optimizer:sgd');
    expect(adams.length).toBeGreaterThan(0);
    expect(sgd.length).toBeGreaterThan(0);
    for (const r of adams) expect(r, r.id).toMatchObject({ status: 'failed', reason: expect.stringMatching(/values differ beyond rtol/) });
    for (const r of sgd) expect(r.status, r.id).toBe('passed');
  });
});

describe('conformance meta: a wrong gradient', () => {
  it('makes that op’s gradient cases fail (finite differences and PyTorch alike) and no other case', async () => {
    const table = GRADIENTS as { relu?: GradFn<'relu'> };
    const original = table.relu!;
    // relu's gradient, 1.5 times too large: wrong wherever any gradient flows.
    table.relu = (dys, ctx) => original(dys, ctx).map((g) => g && F.mul(g, F.scalar(1.5)));
    let report: SuiteReport;
    try {
      report = await runSuite({ create: () => createBackend(), filter: (c) => c.level === 'training' && caseSubject(c) !== 'training:lenet5' });
    } finally {
      table.relu = original;
    }
    const relu = report.results.filter(gradientsOf('relu'));
    expect(new Set(relu.map((r) => r.id.split('/')[2]))).toEqual(new Set(['fd', 'pytorch']));
    for (const r of relu) {
      expect(r.status, r.id).toBe('failed');
      expect(r.reason, r.id).toMatch(/values differ beyond rtol/);
    }
    const others: Keep = (r) => !gradientsOf('relu')(r);
    expect(passedIds(report, others).length).toBeGreaterThan(0);
    expect(statusById(report, others)).toEqual(statusById(plain, (r) => others(r) && r.level === 'training' && r.subject !== 'training:lenet5'));
    expect(report.gradients.find((o) => o.op === 'relu')!.failed).toBe(relu.length);
  });
});

describe('conformance meta: training capability', () => {
  it('skips every gradient, optimizer and training case of a backend that does not declare training, with the reason', async () => {
    const report = await runSuite({ create: () => cpuWith({ capabilities: { training: false } }), expectDevice: 'cpu', filter: fewModels });
    const training = report.results.filter(isTraining);
    expect(training.length).toBe(plain.results.filter(isTraining).length);
    expect(new Set(training.map((r) => r.kind))).toEqual(new Set(plain.results.filter(isTraining).map((r) => r.kind)));
    for (const r of training) expect(r).toMatchObject({ status: 'skipped', reason: 'backend does not declare training capability' });
    expect(report.gradients.find((o) => o.op === 'conv2d')!.skipReasons).toEqual(['backend does not declare training capability']);
    expect(report.training.find((o) => o.subject === 'training:lenet5')!.skipReasons).toEqual(['backend does not declare training capability']);
    expect(statusById(report, forward)).toEqual(statusById(plain, forward));
    // Model cases are inference: they run without training capability.
    expect(report.results.filter((r) => r.kind === 'model').map((r) => r.status)).toEqual(['passed', 'passed']);
  });

  it('skips the gradient cases of an op whose backward kernel the backend does not declare, naming the kernel', async () => {
    const ops = createBackend().capabilities.ops.filter((op) => op !== 'maxPool2dBackward');
    const report = await runSuite({ create: () => cpuWith({ capabilities: { ops } }), filter: (c) => ['maxPool2d', 'globalMaxPool', 'training:lenet5'].includes(caseSubject(c)) });
    const pool = report.results.filter(gradientsOf('maxPool2d'));
    expect(pool.length).toBeGreaterThan(0);
    for (const r of pool) expect(r).toMatchObject({ status: 'skipped', reason: 'backend does not declare op maxPool2dBackward, which the maxPool2d gradient needs' });
    // Global max pools of rank-4 inputs route through the 2-d backward; rank-3 ones do not.
    const global = report.results.filter(gradientsOf('globalMaxPool'));
    expect(global.some((r) => r.status === 'skipped')).toBe(true);
    for (const r of global.filter((x) => x.status === 'skipped')) expect(r.reason).toBe('backend does not declare op maxPool2dBackward, which the globalMaxPool gradient needs');
    expect(report.results.find((r) => r.subject === 'training:lenet5')).toMatchObject({
      status: 'skipped',
      reason: 'backend does not declare op maxPool2dBackward, which training:lenet5 needs',
    });
    const ran = report.results.filter((r) => r.status !== 'skipped');
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.map((r) => [r.id, r.status])).toEqual(ran.map((r) => [r.id, statusById(plain)[r.id]]));
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
  it('skips, with a reason, the forward and gradient cases of an op the backend does not declare, and runs the rest', async () => {
    const base = createBackend();
    const ops = base.capabilities.ops.filter((op) => op !== 'maxPool2d');
    const keep = (subject: string) => ['maxPool2d', 'relu', 'add', 'training:lenet5', 'model:lenet5', 'model:resnet20'].includes(subject);
    const report = await runSuite({ create: () => cpuWith({ capabilities: { ops } }), filter: (c) => keep(caseSubject(c)) });
    const maxPool = report.results.filter((r) => r.subject === 'maxPool2d');
    expect(new Set(maxPool.map((r) => r.kind))).toEqual(new Set(['op', 'gradient']));
    for (const r of maxPool) expect(r).toMatchObject({ status: 'skipped', reason: 'backend does not declare op maxPool2d' });
    expect(report.ops.find((o) => o.op === 'maxPool2d')!.skipReasons).toEqual(['backend does not declare op maxPool2d']);
    expect(report.gradients.find((o) => o.op === 'maxPool2d')!.skipReasons).toEqual(['backend does not declare op maxPool2d']);
    expect(report.results.find((r) => r.subject === 'training:lenet5')!.reason).toBe('backend does not declare op maxPool2d, which training:lenet5 needs');
    // A model case is skipped when its traced graph uses an op the backend lacks; one that does not use it runs.
    for (const r of report.results.filter((x) => x.subject === 'model:lenet5')) {
      expect(r).toMatchObject({ status: 'skipped', reason: 'backend does not declare op maxPool2d, which model:lenet5 needs' });
    }
    expect(report.models.find((m) => m.subject === 'model:lenet5')!.skipReasons).toEqual(['backend does not declare op maxPool2d, which model:lenet5 needs']);
    expect(report.results.find((r) => r.subject === 'model:resnet20')).toMatchObject({ status: 'passed' });
    const ran = report.results.filter((r) => r.subject === 'relu' || r.subject === 'add');
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.map((r) => [r.id, r.status])).toEqual(ran.map((r) => [r.id, statusById(plain)[r.id]]));
  });

  it('rejects a skipped case with an empty reason', async () => {
    let created = 0;
    const create = (): Backend => (created++, createBackend());
    await expect(runSuite({ create, skip: { cases: { 'conv2d/': '' } } })).rejects.toThrow(/skip\.cases\['conv2d\/'\] has an empty reason/);
    expect(created).toBe(0);
  });
});
