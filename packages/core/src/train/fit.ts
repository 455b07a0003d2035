import { backward } from '../autograd/backward';
import { engine } from '../eager/engine';
import { CnnkitError } from '../errors';
import type { Module } from '../nn/module';
import { Rng, defaultRng, manualSeed } from '../random/rng';
import type { Tensor } from '../tensor/tensor';
import type { BatchLogs, Callback, FitOptimizer, TrainingContext } from './callbacks/callback';
import { type CheckpointInput, type EpochLogs, restoreCheckpoint } from './checkpoint';
import { clipGradNorm } from './clip-grad-norm';
import type { DataSource } from './data';
import { type Metric, type MetricName, createMetric } from './metrics/streaming';
import type { LrSchedule } from './schedules/lr-schedule';

export interface FitOptions {
  readonly train: DataSource;
  readonly validation?: DataSource;
  /** Train up to this many epochs in all (a resumed run counts the epochs already done). */
  readonly epochs: number;
  /** Scalar loss from the model's output and the batch's targets, e.g. (out, y) => crossEntropy(out, y). */
  readonly loss: (output: Tensor, target: Tensor) => Tensor;
  readonly optimizer: FitOptimizer;
  /** Stepped once per epoch, after validation; ReduceLROnPlateau gets the monitored value. */
  readonly schedule?: LrSchedule;
  /**
   * When the schedule steps: 'epoch' (default: once per epoch, after validation) or 'batch' (after
   * every optimizer step, as PyTorch loops call OneCycleLR / per-iteration cosine; size the
   * schedule in steps then, e.g. CosineAnnealingLR tMax = epochs × batches per epoch).
   * ReduceLROnPlateau needs an epoch's metric, so it only steps per epoch.
   */
  readonly scheduleEvery?: 'epoch' | 'batch';
  /** Epoch log key ReduceLROnPlateau watches (default 'val_loss' with validation, else 'loss'). */
  readonly scheduleMonitor?: string;
  readonly metrics?: readonly (MetricName | Metric)[];
  readonly callbacks?: readonly Callback[];
  /**
   * Seeds the run: manualSeed(seed) for the global generator (dropout masks) and a generator for
   * shuffling derived from it. Without a seed the run continues the global generator's stream.
   * Ignored when resuming: the checkpoint's generator states are restored instead.
   */
  readonly seed?: number;
  /** First epoch index when not resuming (default 0). */
  readonly initialEpoch?: number;
  /** A checkpoint written by ModelCheckpoint / saveCheckpoint to continue from, exactly. */
  readonly resumeFrom?: string;
  /** Clip the gradients' total 2-norm to this before each step (clip_grad_norm_). */
  readonly clipGradNorm?: number;
}

export interface FitResult {
  /** Every finished epoch's logs (a resumed run's earlier epochs included). */
  readonly history: EpochLogs[];
  /** Epochs finished in all. */
  readonly epochs: number;
  /** Optimizer steps taken in all. */
  readonly steps: number;
  readonly stoppedEarly: boolean;
  readonly stopReason?: string;
}

/** Name of the shuffling generator's state in checkpoints (the global one is 'default'). */
const DATA_RNG = 'data';

/**
 * Trains `model`: for each epoch, each batch runs forward and backward (PyTorch's
 * loss.backward()), optionally clips gradients, steps the optimizer and clears gradients, all
 * inside tidy scopes so no tensor outlives its step; then validates (eval mode, no tape), steps
 * the schedule and calls the callbacks. Deterministic for a seed; resumable from a checkpoint
 * with the same loss curve as a run that never stopped.
 */
export async function fit(model: Module, options: FitOptions): Promise<FitResult> {
  const where = 'fit';
  checkOptions(options, where);
  const callbacks = orderCallbacks(options.callbacks ?? [], where);
  const metrics = (options.metrics ?? []).map(createMetric);
  const dataRng = new Rng(0);
  let history: EpochLogs[] = [];
  let step = 0;
  let initialEpoch = options.initialEpoch ?? 0;
  let restoredCallbacks: Record<string, unknown> = {};
  if (options.resumeFrom !== undefined) {
    const checkpoint = await restoreCheckpoint(options.resumeFrom, {
      model, optimizer: options.optimizer, ...(options.schedule ? { schedule: options.schedule } : {}),
      rng: { default: defaultRng(), [DATA_RNG]: dataRng },
    });
    history = [...checkpoint.history];
    step = checkpoint.step;
    initialEpoch = checkpoint.epoch;
    restoredCallbacks = callbackStates(checkpoint.extra);
  } else {
    if (options.seed !== undefined) manualSeed(options.seed);
    dataRng.state = defaultRng().fork().state;
  }

  const ctx: TrainingContext = {
    model, optimizer: options.optimizer, schedule: options.schedule, epochs: options.epochs, initialEpoch,
    trainSize: options.train.size, numBatches: options.train.numBatches,
    get history() {
      return history;
    },
    get step() {
      return step;
    },
    stopTraining: false,
    stopReason: undefined,
    checkpointInput: async (): Promise<CheckpointInput> => ({
      model, optimizer: options.optimizer, ...(options.schedule ? { schedule: options.schedule } : {}),
      epoch: history.length > 0 ? history[history.length - 1]!.epoch + 1 : initialEpoch, step,
      rng: { default: defaultRng().state, [DATA_RNG]: dataRng.state },
      history,
      extra: { callbacks: await collectCallbackStates(callbacks) },
    }),
  };

  for (const c of callbacks) await c.onTrainBegin?.(ctx);
  for (const c of callbacks) {
    if (c.name !== undefined && c.name in restoredCallbacks) c.loadStateDict?.(restoredCallbacks[c.name]);
  }
  for (let epoch = initialEpoch; epoch < options.epochs && !ctx.stopTraining; epoch++) {
    for (const c of callbacks) await c.onEpochBegin?.(epoch, ctx);
    const lr = options.optimizer.paramGroups[0]?.lr ?? Number.NaN;
    const train = await trainEpoch(model, options, metrics, epoch, dataRng, ctx, callbacks, () => step++);
    const logs: Record<string, number> = { epoch, loss: train.loss, ...train.metrics };
    if (options.validation) {
      const val = await evaluateSource(model, options.validation, options.loss, metrics, epoch);
      logs['val_loss'] = val.loss;
      for (const [name, value] of Object.entries(val.metrics)) logs[`val_${name}`] = value;
    }
    logs['lr'] = lr;
    const epochLogs = logs as EpochLogs;
    history.push(epochLogs);
    if (options.schedule && options.scheduleEvery !== 'batch') stepSchedule(options.schedule, epochLogs, options.scheduleMonitor ?? (options.validation ? 'val_loss' : 'loss'));
    for (const c of callbacks) await c.onEpochEnd?.(epoch, epochLogs, ctx);
  }
  for (const c of callbacks) await c.onTrainEnd?.(ctx);
  return {
    history, epochs: history.length > 0 ? history[history.length - 1]!.epoch + 1 : initialEpoch, steps: step,
    stoppedEarly: ctx.stopTraining, ...(ctx.stopReason !== undefined ? { stopReason: ctx.stopReason } : {}),
  };
}

async function trainEpoch(
  model: Module, options: FitOptions, metrics: readonly Metric[], epoch: number, rng: Rng,
  ctx: TrainingContext, callbacks: readonly Callback[], countStep: () => void,
): Promise<{ loss: number; metrics: Record<string, number> }> {
  model.train();
  for (const m of metrics) m.reset();
  let lossSum = 0;
  let seen = 0;
  let batchIndex = 0;
  for (const batch of options.train.batches(epoch, rng)) {
    let loss: Tensor | undefined;
    let output: Tensor | undefined;
    try {
      options.optimizer.zeroGrad();
      const parameters = model.parameters();
      loss = engine.tidy(() => backward(() => {
        const out = model.call(batch.x);
        // Kept past backward's own scope so metrics can read it; disposed below.
        if (metrics.length > 0) output = engine.keep(out);
        return options.loss(out, batch.y);
      }, parameters));
      if (options.clipGradNorm !== undefined) await clipGradNorm(parameters, options.clipGradNorm);
      options.optimizer.step();
      options.optimizer.zeroGrad();
      if (options.scheduleEvery === 'batch') options.schedule?.step();
      countStep();
      const n = batch.x.shape[0] ?? 1;
      const value = (await loss.data())[0]!;
      lossSum += value * n;
      seen += n;
      if (output) await updateMetrics(metrics, output, batch.y);
      const logs: BatchLogs = { batch: batchIndex, batchSize: n, loss: value, meanLoss: lossSum / seen, metrics: results(metrics), samplesSeen: seen };
      for (const c of callbacks) await c.onBatchEnd?.(logs, ctx);
    } finally {
      loss?.dispose();
      (output as Tensor | undefined)?.dispose();
      batch.x.dispose();
      batch.y.dispose();
    }
    batchIndex++;
  }
  if (seen === 0) throw new CnnkitError('INVALID_ARGUMENT', `fit: epoch ${epoch} got no training batches; expected a data source with at least one batch`);
  return { loss: lossSum / seen, metrics: results(metrics) };
}

/** Mean loss and metrics of a data source in eval mode, without recording a tape. */
async function evaluateSource(
  model: Module, source: DataSource, lossFn: FitOptions['loss'], metrics: readonly Metric[], epoch: number,
): Promise<{ loss: number; metrics: Record<string, number> }> {
  model.eval();
  for (const m of metrics) m.reset();
  let lossSum = 0;
  let seen = 0;
  try {
    // Validation must not draw from the training generators: a resumed run would drift.
    for (const batch of source.batches(epoch, new Rng(epoch))) {
      const { loss, output } = engine.noGrad(() => engine.tidy(() => {
        const out = model.call(batch.x);
        return { loss: lossFn(out, batch.y), output: out };
      }));
      try {
        const n = batch.x.shape[0] ?? 1;
        lossSum += (await loss.data())[0]! * n;
        seen += n;
        if (metrics.length > 0) await updateMetrics(metrics, output, batch.y);
      } finally {
        loss.dispose();
        output.dispose();
        batch.x.dispose();
        batch.y.dispose();
      }
    }
  } finally {
    model.train();
  }
  return { loss: seen === 0 ? Number.NaN : lossSum / seen, metrics: results(metrics) };
}

async function updateMetrics(metrics: readonly Metric[], output: Tensor, target: Tensor): Promise<void> {
  const [scores, labels] = await Promise.all([output.data(), target.data()]);
  if (!(scores instanceof Float32Array)) throw new CnnkitError('DTYPE_MISMATCH', `fit metrics: the model output is ${output.dtype}; expected float32 scores`);
  for (const m of metrics) m.update(scores, output.shape, labels);
}

function results(metrics: readonly Metric[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of metrics) out[m.name] = m.result();
  return out;
}

function stepSchedule(schedule: LrSchedule, logs: EpochLogs, monitor: string): void {
  if (schedule.kind !== 'ReduceLROnPlateau') {
    schedule.step();
    return;
  }
  const value = logs[monitor];
  if (typeof value !== 'number') {
    throw new CnnkitError('INVALID_ARGUMENT', `fit: ReduceLROnPlateau monitors '${monitor}', which the epoch logs lack; expected one of ${Object.keys(logs).filter((k) => k !== 'epoch').join(', ')} (set scheduleMonitor)`);
  }
  schedule.step(value);
}

function checkOptions(o: FitOptions, where: string): void {
  if (o.scheduleEvery !== undefined && o.scheduleEvery !== 'epoch' && o.scheduleEvery !== 'batch') {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: scheduleEvery is ${JSON.stringify(o.scheduleEvery)}; expected 'epoch' or 'batch'`);
  }
  if (o.scheduleEvery === 'batch' && o.schedule?.kind === 'ReduceLROnPlateau') {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: scheduleEvery is 'batch' but the schedule is ReduceLROnPlateau, which needs an epoch's metric; expected scheduleEvery 'epoch' (or a closed-form schedule such as CosineAnnealingLR)`);
  }
  if (!Number.isInteger(o.epochs) || o.epochs < 0) throw new CnnkitError('INVALID_ARGUMENT', `${where}: epochs is ${o.epochs}; expected an integer >= 0`);
  if (o.initialEpoch !== undefined && (!Number.isInteger(o.initialEpoch) || o.initialEpoch < 0)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: initialEpoch is ${o.initialEpoch}; expected an integer >= 0`);
  }
  if (o.initialEpoch !== undefined && o.resumeFrom !== undefined) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: given both initialEpoch and resumeFrom; expected one (a resumed run starts after the checkpoint's epoch)`);
  }
  if (o.clipGradNorm !== undefined && !(o.clipGradNorm > 0)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: clipGradNorm is ${o.clipGradNorm}; expected a number > 0`);
  if (typeof o.loss !== 'function') throw new CnnkitError('INVALID_ARGUMENT', `${where}: loss is ${typeof o.loss}; expected a function (output, target) => scalar tensor`);
  if (o.seed !== undefined && !Number.isInteger(o.seed)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: seed is ${o.seed}; expected an integer`);
}

/** Checkpoint writers last (stable otherwise); stateful callbacks need distinct names. */
function orderCallbacks(callbacks: readonly Callback[], where: string): Callback[] {
  const names = new Set<string>();
  for (const c of callbacks) {
    if (c.stateDict && c.name === undefined) throw new CnnkitError('INVALID_ARGUMENT', `${where}: a callback with state (stateDict) has no name; expected a name to key its state in checkpoints`);
    if (c.name === undefined) continue;
    if (names.has(c.name)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: two callbacks are named '${c.name}'; expected distinct names (pass { name } to tell them apart)`);
    names.add(c.name);
  }
  return [...callbacks.filter((c) => !c.runsLast), ...callbacks.filter((c) => c.runsLast)];
}

async function collectCallbackStates(callbacks: readonly Callback[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const c of callbacks) if (c.stateDict && c.name !== undefined) out[c.name] = await c.stateDict();
  return out;
}

function callbackStates(extra: unknown): Record<string, unknown> {
  const states = (extra as { callbacks?: unknown } | undefined)?.callbacks;
  return typeof states === 'object' && states !== null ? (states as Record<string, unknown>) : {};
}
