import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Backend, type Callback, type EpochLogs, type Kernel, type KernelTable, type LrSchedule, type Module, type Tensor, type TensorValue,
  Adam, Conv2d, CosineAnnealingLR, Dropout, EarlyStopping, Flatten, GradualUnfreezing, Linear, ModelCheckpoint, ProgressCallback, ReLU, ReduceLROnPlateau, SGD,
  Sequential, StepLR, arrayDataSource, crossEntropy, fit, loadCheckpoint, manualSeed, setBackend,
} from '@cnnkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';

// A tiny conv net with dropout on synthetic 6×6 images of 3 classes, shuffled every epoch: the
// smallest setting in which determinism and resumption have something to get wrong (dropout
// masks and shuffling both draw from generators, Adam and momentum carry state, StepLR a position).

/** Counts the tensors kernels and uploads create, to find leaks. */
function countingBackend(base: Backend): { backend: Backend; live: () => number } {
  const made = new Set<Tensor>();
  const kernels: Record<string, Kernel<never>> = {};
  for (const [op, kernel] of Object.entries(base.kernels!)) {
    const k = kernel as unknown as (inputs: Tensor[], attrs: unknown) => Tensor[];
    kernels[op] = ((inputs: Tensor[], attrs: unknown) => {
      const outs = k(inputs, attrs);
      for (const t of outs) made.add(t);
      return outs;
    }) as unknown as Kernel<never>;
  }
  const backend: Backend = {
    ...base,
    kernels: kernels as unknown as KernelTable,
    fromHost: (value: TensorValue) => {
      const t = base.fromHost!(value);
      made.add(t);
      return t;
    },
  };
  const live = (): number => {
    let n = 0;
    for (const t of made) {
      if (t.isDisposed) made.delete(t);
      else n++;
    }
    return n;
  };
  return { backend, live };
}

const counting = countingBackend(createBackend());
beforeAll(() => setBackend(counting.backend));

const CLASSES = 3;
const SIDE = 6;

/** Class c lights up rows 2c and 2c + 1 of a noisy image; fixed by `seed`. */
function synthetic(n: number, seed: number): { x: Float32Array; y: Int32Array } {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const x = new Float32Array(n * SIDE * SIDE);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % CLASSES;
    y[i] = c;
    for (let r = 0; r < SIDE; r++) {
      for (let col = 0; col < SIDE; col++) {
        x[i * SIDE * SIDE + r * SIDE + col] = (r >> 1 === c ? 1 : 0) + 0.8 * (rand() - 0.5);
      }
    }
  }
  return { x, y };
}

const trainData = synthetic(240, 1);
const valData = synthetic(60, 2);
const trainSource = () => arrayDataSource({ ...trainData, sampleShape: [1, SIDE, SIDE], batchSize: 16, shuffle: true });
const valSource = () => arrayDataSource({ ...valData, sampleShape: [1, SIDE, SIDE], batchSize: 32 });

function tinyNet(initSeed: number): Module {
  manualSeed(initSeed);
  return new Sequential(new Conv2d(1, 4, 3), new ReLU(), new Flatten(), new Dropout(0.3), new Linear(4 * 4 * 4, CLASSES));
}

const loss = (out: Tensor, y: Tensor): Tensor => crossEntropy(out, y);

async function weightsOf(model: Module): Promise<Record<string, number[]>> {
  const state = await model.stateDict();
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, Array.from(v.data)]));
}

/** One configuration: an optimizer and schedule over a model. */
type Setup = (model: Module) => { optimizer: SGD | Adam; schedule: LrSchedule };
const adamStep: Setup = (model) => {
  const optimizer = new Adam(model.parameters(), { lr: 0.01 });
  return { optimizer, schedule: new StepLR(optimizer, 2, 0.5) };
};
const sgdPlateau: Setup = (model) => {
  const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-4 });
  return { optimizer, schedule: new ReduceLROnPlateau(optimizer, { patience: 0, factor: 0.5 }) };
};

async function run(setup: Setup, o: { seed?: number; epochs: number; initSeed?: number; callbacks?: Callback[]; resumeFrom?: string }) {
  const model = tinyNet(o.initSeed ?? 7);
  const { optimizer, schedule } = setup(model);
  const result = await fit(model, {
    train: trainSource(), validation: valSource(), epochs: o.epochs, loss, optimizer, schedule, metrics: ['accuracy'],
    ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.resumeFrom ? { resumeFrom: o.resumeFrom } : {}), callbacks: o.callbacks ?? [],
  });
  return { model, optimizer, schedule, result };
}

describe('fit', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-fit-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lowers the loss and learns the classes, logging loss, metrics, validation and lr per epoch', async () => {
    const { result } = await run(adamStep, { seed: 1, epochs: 6 });
    const h = result.history;
    expect(h.map((e) => e.epoch)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Object.keys(h[0]!).sort()).toEqual(['accuracy', 'epoch', 'loss', 'lr', 'val_accuracy', 'val_loss']);
    // ln 3 ≈ 1.10 is chance level for 3 classes.
    expect(h[0]!.loss).toBeLessThan(1.2);
    expect(h[5]!.loss).toBeLessThan(0.5 * h[0]!.loss);
    expect(h[5]!.val_loss).toBeLessThan(h[0]!.val_loss!);
    expect(h[5]!.val_accuracy).toBeGreaterThan(0.9);
    // StepLR(step 2, gamma 0.5) from 0.01: the lr each epoch trained with.
    expect(h.map((e) => e.lr)).toEqual([0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025]);
    expect(result.steps).toBe(6 * 15);
    expect(result.stoppedEarly).toBe(false);
  });

  it('is deterministic for a seed, bit for bit, and the seed matters', async () => {
    const a = await run(adamStep, { seed: 3, epochs: 3 });
    const b = await run(adamStep, { seed: 3, epochs: 3 });
    const c = await run(adamStep, { seed: 4, epochs: 3 });
    expect(b.result.history).toEqual(a.result.history);
    expect(await weightsOf(b.model)).toEqual(await weightsOf(a.model));
    expect(c.result.history[0]!.loss).not.toBe(a.result.history[0]!.loss);
  });

  it.each([['Adam + StepLR', adamStep], ['SGD (Nesterov momentum) + ReduceLROnPlateau', sgdPlateau]] as const)(
    'resumed from a checkpoint continues the same loss curve exactly (%s)', async (_, setup) => {
      const every = path.join(dir, `${setup === adamStep ? 'adam' : 'sgd'}-{epoch}.safetensors`);
      const full = await run(setup, { seed: 11, epochs: 6, callbacks: [new ModelCheckpoint(every)] });
      // The uninterrupted run's checkpoint after epoch 3 holds its whole state.
      const at3 = every.replace('{epoch}', '3');
      const saved = await loadCheckpoint(at3);
      expect(saved.epoch).toBe(3);
      expect(saved.history).toEqual(full.result.history.slice(0, 3));
      // A run that stopped after 3 epochs ...
      const stopped = await run(setup, { seed: 11, epochs: 3, callbacks: [new ModelCheckpoint(path.join(dir, 'stopped.safetensors'))] });
      expect(stopped.result.history).toEqual(full.result.history.slice(0, 3));
      // ... resumed in a fresh model built from another init seed (so everything must come from the file):
      const resumed = await run(setup, { initSeed: 999, epochs: 6, resumeFrom: path.join(dir, 'stopped.safetensors') });
      expect(resumed.result.history).toEqual(full.result.history);
      expect(resumed.result.steps).toBe(full.result.steps);
      expect(await weightsOf(resumed.model)).toEqual(await weightsOf(full.model));
      expect(resumed.optimizer.paramGroups[0]!.lr).toBe(full.optimizer.paramGroups[0]!.lr);
      expect(resumed.schedule.stateDict()).toEqual(full.schedule.stateDict());
      expect(await resumed.optimizer.stateDict()).toEqual(await full.optimizer.stateDict());
    });

  it('steps a schedule after every batch with scheduleEvery: batch (per-iteration cosine), and refuses it for ReduceLROnPlateau', async () => {
    const model = tinyNet(7);
    const optimizer = new Adam(model.parameters(), { lr: 0.01 });
    // 2 epochs × 15 batches of 16: the cosine runs over all 30 steps.
    const schedule = new CosineAnnealingLR(optimizer, 30);
    const seen: number[] = [];
    const probe: Callback = { onBatchEnd: () => void seen.push(optimizer.paramGroups[0]!.lr) };
    const { history, steps } = await fit(model, { train: trainSource(), epochs: 2, loss, optimizer, schedule, scheduleEvery: 'batch', seed: 1, callbacks: [probe] });
    expect(steps).toBe(30);
    // After step t the lr is 0.01 · (1 + cos(π t / 30)) / 2: 0.01 → 0 at the last step.
    seen.forEach((lr, i) => expect(lr).toBeCloseTo((0.01 * (1 + Math.cos((Math.PI * (i + 1)) / 30))) / 2, 12));
    expect(seen[29]).toBeCloseTo(0, 12);
    // The epoch logs the lr the epoch started with: 0.01, then the lr after 15 steps (half way: 0.005).
    expect(history[0]!.lr).toBe(0.01);
    expect(history[1]!.lr).toBeCloseTo(0.005, 12);
    const plateau = new ReduceLROnPlateau(optimizer);
    await expect(fit(model, { train: trainSource(), epochs: 1, loss, optimizer, schedule: plateau, scheduleEvery: 'batch' })).rejects.toThrow(/ReduceLROnPlateau, which needs an epoch's metric/);
  });

  it('steps ReduceLROnPlateau with the monitored validation loss', async () => {
    const { result } = await run(sgdPlateau, { seed: 5, epochs: 6 });
    // Recompute the schedule by hand from the logged val_loss: mode min, threshold 1e-4 rel,
    // patience 0, factor 0.5 — every epoch that does not beat the best halves the next lr.
    let best = Infinity;
    let lr = 0.1;
    for (const e of result.history) {
      expect(e.lr).toBe(lr);
      if (e.val_loss! < best * (1 - 1e-4)) best = e.val_loss!;
      else lr *= 0.5;
    }
  });

  it('stops early and restores the best weights', async () => {
    const model = tinyNet(7);
    const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    const snapshots: Record<string, number[]>[] = [];
    // From epoch 3 on the learning rate is absurd, so validation loss gets worse.
    const sabotage: Callback = {
      onEpochBegin: (epoch) => {
        if (epoch === 3) optimizer.paramGroups[0]!.lr = 60;
      },
      onEpochEnd: async (_epoch, _logs, ctx) => {
        snapshots.push(await weightsOf(ctx.model));
      },
    };
    const early = new EarlyStopping({ monitor: 'val_loss', patience: 2, restoreBestWeights: true });
    const result = await fit(model, {
      train: trainSource(), validation: valSource(), epochs: 20, loss, optimizer, seed: 2, callbacks: [sabotage, early],
    });
    const h = result.history;
    const bestEpoch = h.reduce((b, e) => (e.val_loss! < h[b]!.val_loss! ? e.epoch : b), 0);
    expect(bestEpoch).toBe(early.bestEpoch);
    expect(bestEpoch).toBeLessThan(3); // the premise: the sabotage made things worse
    expect(result.stoppedEarly).toBe(true);
    expect(result.stopReason).toMatch(/EarlyStopping: val_loss has not improved/);
    // patience 2: stops after the second epoch without improvement.
    expect(h.length).toBe(bestEpoch + 3);
    expect(early.stoppedEpoch).toBe(bestEpoch + 2);
    expect(await weightsOf(model)).toEqual(snapshots[bestEpoch]);
    expect(await weightsOf(model)).not.toEqual(snapshots[snapshots.length - 1]);
  });

  it('resumes early stopping too: its best value and best weights travel in the checkpoint', async () => {
    const runWith = async (o: { epochs: number; resumeFrom?: string; checkpoint?: string }) => {
      const model = tinyNet(o.resumeFrom ? 123 : 7);
      const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
      const sabotage: Callback = { onEpochBegin: (epoch) => void (epoch === 3 && (optimizer.paramGroups[0]!.lr = 60)) };
      const early = new EarlyStopping({ patience: 2, restoreBestWeights: true });
      const callbacks: Callback[] = [sabotage, early, ...(o.checkpoint ? [new ModelCheckpoint(o.checkpoint)] : [])];
      const result = await fit(model, {
        train: trainSource(), validation: valSource(), epochs: o.epochs, loss, optimizer, seed: 2, callbacks, ...(o.resumeFrom ? { resumeFrom: o.resumeFrom } : {}),
      });
      return { result, early, weights: await weightsOf(model) };
    };
    const template = path.join(dir, 'early-{epoch}.safetensors');
    const full = await runWith({ epochs: 20, checkpoint: template });
    expect(full.result.stoppedEarly).toBe(true);
    // Resume after the first epoch without improvement: the best weights live only in the checkpoint.
    const resumeAt = full.early.bestEpoch + 2;
    const resumed = await runWith({ epochs: 20, resumeFrom: template.replace('{epoch}', String(resumeAt)) });
    expect(resumed.result.history).toEqual(full.result.history);
    expect(resumed.early.bestEpoch).toBe(full.early.bestEpoch);
    expect(resumed.weights).toEqual(full.weights);
  });

  it('saves checkpoints every n epochs or only on improvement, and names them by epoch', async () => {
    const every2 = new ModelCheckpoint(path.join(dir, 'e-{epoch}.safetensors'), { everyEpochs: 2 });
    const best = new ModelCheckpoint(path.join(dir, 'best-{epoch}.safetensors'), { saveBestOnly: true, monitor: 'loss', name: 'best' });
    const { result } = await run(adamStep, { seed: 1, epochs: 5, callbacks: [every2, best] });
    expect(every2.saved.map((f) => path.basename(f))).toEqual(['e-2.safetensors', 'e-4.safetensors']);
    const improving = result.history.filter((e, i) => result.history.slice(0, i).every((p) => e.loss < p.loss)).map((e) => `best-${e.epoch + 1}.safetensors`);
    expect(best.saved.map((f) => path.basename(f))).toEqual(improving);
    const c = await loadCheckpoint(path.join(dir, 'e-4.safetensors'));
    expect([c.epoch, c.step, c.history.length]).toEqual([4, 60, 4]);
  });

  it('prints progress: loss, metric, samples/s and ETA', async () => {
    const lines: string[] = [];
    let clock = 0;
    const progress = new ProgressCallback({ write: (l) => lines.push(l), everyBatches: 5, now: () => (clock += 10) });
    await run(adamStep, { seed: 1, epochs: 1, callbacks: [progress] });
    // 15 batches, a line every 5: batches 5, 10, 15, then the epoch line.
    expect(lines.length).toBe(4);
    expect(lines[0]).toMatch(/^epoch 1\/1 {2}batch 5\/15 {2}loss \d\.\d{4} {2}accuracy \d\.\d{4} {2}[\d.]+ samples\/s {2}ETA [\d.]+s\n$/);
    expect(lines[2]).not.toMatch(/ETA/);
    expect(lines[3]).toMatch(/^epoch 1\/1 {2}loss \d\.\d{4} {2}accuracy .* {2}val_loss .* {2}val_accuracy .* {2}lr 0\.0100 .*samples\/s\n$/);
  });

  it('lets a callback unfreeze layers gradually at epoch begin', async () => {
    const model = tinyNet(7);
    const unfreezing = new GradualUnfreezing(model, [['4'], ['0']]);
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const seen: Record<string, number[]>[] = [await weightsOf(model)];
    await fit(model, {
      train: trainSource(), epochs: 2, loss, optimizer, seed: 1,
      callbacks: [unfreezing, { onEpochEnd: async () => void seen.push(await weightsOf(model)) }],
    });
    // Epoch 0 trains the head ('4') only; epoch 1 the conv ('0') too.
    expect(seen[1]!['0.weight']).toEqual(seen[0]!['0.weight']);
    expect(seen[1]!['4.weight']).not.toEqual(seen[0]!['4.weight']);
    expect(seen[2]!['0.weight']).not.toEqual(seen[1]!['0.weight']);
  });

  it('leaks no tensors: the live count is the same after every epoch', async () => {
    const counts: number[] = [];
    await run(adamStep, { seed: 1, epochs: 4, callbacks: [{ onEpochEnd: () => void counts.push(counting.live()) }] });
    expect(counts[1]).toBe(counts[0]);
    expect(counts[3]).toBe(counts[0]);
  });

  it('clips gradients when asked, and rejects bad options', async () => {
    const train = async (clip?: number) => {
      const m = tinyNet(7);
      const o = new SGD(m.parameters(), { lr: 0.1 });
      return (await fit(m, { train: trainSource(), epochs: 1, loss, optimizer: o, seed: 1, ...(clip === undefined ? {} : { clipGradNorm: clip }) })).history[0]!.loss;
    };
    const free = await train();
    expect(await train(1e9)).toBe(free); // a bound no gradient reaches changes nothing
    expect(await train(1e-3)).not.toBe(free);
    const model = tinyNet(7);
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    await expect(fit(model, { train: trainSource(), epochs: 1.5, loss, optimizer })).rejects.toThrow(/epochs is 1.5; expected an integer >= 0/);
    await expect(fit(model, { train: trainSource(), epochs: 1, loss, optimizer, callbacks: [new EarlyStopping(), new EarlyStopping()] }))
      .rejects.toThrow(/two callbacks are named 'early_stopping'/);
    await expect(fit(model, { train: trainSource(), epochs: 1, loss, optimizer, callbacks: [new EarlyStopping({ monitor: 'val_loss' })] }))
      .rejects.toThrow(/monitor 'val_loss' is not in the epoch logs; expected one of 'loss', 'lr' \(val_ metrics need a validation source\)/);
  });
});

export type { EpochLogs };
