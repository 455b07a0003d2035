import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeSafetensors } from '../io/safetensors/serialize';
import { readSafetensors, writeSafetensors } from '../io/safetensors/file';
import { Rng } from '../random/rng';
import type { TensorValue } from '../tensor/tensor';
import { CHECKPOINT_METADATA_KEY, type EpochLogs, loadCheckpoint, saveCheckpoint } from './checkpoint';
import type { OptimizerState } from './optimizers/optimizer-state';
import { writeFileAtomic } from '../io/atomic-write';

const f32 = (shape: number[], ...values: number[]): TensorValue => ({ dtype: 'float32', shape, data: Float32Array.from(values) });

describe('checkpoints', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-ckpt-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const model = { 'fc.weight': f32([1, 2], 0.5, -0.25), 'bn.num_batches_tracked': { dtype: 'int32' as const, shape: [], data: Int32Array.of(7) } };
  const optimizer: OptimizerState = {
    optimizer: 'Adam',
    state: { 0: { step: 3, exp_avg: f32([1, 2], 1e-3, 2e-3), exp_avg_sq: f32([1, 2], 1e-6, 4e-6) } },
    paramGroups: [{ params: [0, 1], options: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false } }],
  };
  const rng = new Rng(5);
  rng.nextNormal(); // a spare normal is waiting: the state holds an arbitrary double

  it('round-trips model, optimizer, schedule, counters, RNG state, history (NaN included) and extra', async () => {
    const file = path.join(dir, 'a.safetensors');
    const history: EpochLogs[] = [{ epoch: 0, loss: 1.25, lr: 0.1 }, { epoch: 1, loss: Number.NaN, val_loss: Infinity, lr: 0.1 }];
    await saveCheckpoint(file, {
      model, optimizer, schedule: { kind: 'StepLR', lastEpoch: 2, baseLrs: [0.1] }, epoch: 2, step: 20,
      rng: { default: rng.state }, history, extra: { note: 'hi', table: f32([2], 3, 4) },
    });
    const c = await loadCheckpoint(file);
    expect(c.model).toEqual(model);
    expect(c.optimizer).toEqual(optimizer);
    expect(c.schedule).toEqual({ kind: 'StepLR', lastEpoch: 2, baseLrs: [0.1] });
    expect([c.epoch, c.step]).toEqual([2, 20]);
    expect(c.rng).toEqual({ default: rng.state });
    expect(c.history).toEqual(history);
    expect(c.extra).toEqual({ note: 'hi', table: f32([2], 3, 4) });
  });

  it('is one safetensors file: model.* and optimizer.* tensors, the rest as JSON metadata', async () => {
    const file = path.join(dir, 'b.safetensors');
    await saveCheckpoint(file, { model, optimizer, epoch: 1, step: 1 });
    const { tensors, metadata } = await readSafetensors(file);
    expect([...tensors.keys()]).toEqual(['model.fc.weight', 'model.bn.num_batches_tracked', 'optimizer.state.0.exp_avg', 'optimizer.state.0.exp_avg_sq']);
    const json = JSON.parse(metadata[CHECKPOINT_METADATA_KEY]!) as Record<string, unknown>;
    expect(json).toMatchObject({ version: 1, epoch: 1, step: 1, optimizer: { optimizer: 'Adam', state: { 0: { step: 3, exp_avg: { $tensor: 'optimizer.state.0.exp_avg' } } } } });
    const c = await loadCheckpoint(file);
    expect(c.schedule).toBeUndefined();
    expect(c.history).toEqual([]);
  });

  it('rejects bad input and files that are not whole checkpoints', async () => {
    await expect(saveCheckpoint(path.join(dir, 'c'), { model, epoch: -1, step: 0 })).rejects.toThrow(/epoch is -1; expected an integer >= 0/);
    await expect(saveCheckpoint(path.join(dir, 'c'), { model, epoch: 0, step: 0, extra: new Map() })).rejects.toThrow(/'extra' is a Map; expected JSON data/);

    const plain = path.join(dir, 'plain.safetensors');
    await writeSafetensors(plain, model);
    await expect(loadCheckpoint(plain)).rejects.toThrow(/no 'cnnkit.checkpoint' metadata; expected a file written by saveCheckpoint/);

    const stray = path.join(dir, 'stray.safetensors');
    await writeSafetensors(stray, { 'model.w': f32([1], 1), 'other.x': f32([1], 2) }, { [CHECKPOINT_METADATA_KEY]: JSON.stringify({ version: 1, epoch: 0, step: 0, rng: {}, history: [] }) });
    await expect(loadCheckpoint(stray)).rejects.toThrow(/tensor\(s\) 'other.x' belong to no part/);

    const dangling = path.join(dir, 'dangling.safetensors');
    const meta = { version: 1, epoch: 0, step: 0, optimizer: { state: { 0: { exp_avg: { $tensor: 'optimizer.state.0.exp_avg' } } } }, rng: {}, history: [] };
    await writeFileAtomic(dangling, serializeSafetensors({ 'model.w': f32([1], 1) }, { [CHECKPOINT_METADATA_KEY]: JSON.stringify(meta) }));
    await expect(loadCheckpoint(dangling)).rejects.toThrow(/refers to tensor 'optimizer.state.0.exp_avg', which the file does not hold/);

    const future = path.join(dir, 'future.safetensors');
    await writeSafetensors(future, {}, { [CHECKPOINT_METADATA_KEY]: JSON.stringify({ version: 2 }) });
    await expect(loadCheckpoint(future)).rejects.toThrow(/format version 2; expected 1/);
  });
});
