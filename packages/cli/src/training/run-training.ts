import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  type Callback, CnnkitError, type DataSource, EarlyStopping, type EpochLogs, type FitResult, type MaxNormConstrained, type Module,
  ModelCheckpoint, crossEntropy, fit, maxNormConstraint, writeFileAtomic, writeSafetensors,
} from '@cnnkit/core';
import type { CliIo } from '../io';
import { CurvesHtml } from './curves-html';
import { grouped } from './format-numbers';
import { MetricsLog } from './metrics-log';
import { type OptimizerSpec, type ParamGroupSpec, type ScheduleSpec, buildOptimizer, buildSchedule, scheduleEvery } from './optimizer-spec';
import { ProgressBar, type Terminal } from './progress-bar';
import { RUN_FILES, type RunInfo } from './run-files';

export interface TrainingData {
  readonly train: DataSource;
  /** Validated on after every epoch (best checkpoint, early stopping); absent: neither. */
  readonly validation?: DataSource;
  /** What validation runs on, said in the output: 'the test split (10,000 images)', '10% of train held out'. */
  readonly validationDescription: string;
  readonly classes: readonly string[];
}

export interface RunTrainingOptions {
  /** The model to train, built (and seeded) by the caller; moved onto the eager backend here. */
  readonly model: Module;
  /** Zoo name and the options it was built with: run.json records them so eval rebuilds it. */
  readonly modelName: string;
  readonly modelOptions: Readonly<Record<string, number>>;
  readonly data: TrainingData;
  readonly epochs: number;
  readonly optimizer: OptimizerSpec;
  /** Parameter groups (default: one group of every trainable parameter). */
  readonly paramGroups?: readonly ParamGroupSpec[];
  readonly schedule: ScheduleSpec;
  /** Where the checkpoints, model.safetensors, run.json, metrics.jsonl and curves.html go. */
  readonly outDir: string;
  readonly io: CliIo;
  /** Seeds dropout and shuffling (the caller seeds the initial weights with manualSeed before building the model). */
  readonly seed: number;
  /** Stop after this many epochs without a better val_loss, keeping the best weights. */
  readonly earlyStoppingPatience?: number;
  /** Continue from outDir's last checkpoint (same options) instead of starting afresh. */
  readonly resume?: boolean;
  /** Draw the progress bar here (a TTY); absent: plain progress lines through io. */
  readonly terminal?: Terminal;
  /** Merged into run.json: dataset, normalization, vocabulary file, fine-tuning details... */
  readonly runInfo?: Readonly<Record<string, unknown>>;
  /** Extra fit() callbacks (before the checkpoint writers). */
  readonly callbacks?: readonly Callback[];
}

export interface TrainingRun {
  readonly fit: FitResult;
  /** The last finished epoch's logs. */
  readonly final: EpochLogs | undefined;
  /** Absolute paths of what was written. */
  readonly files: Readonly<Record<keyof typeof RUN_FILES, string>>;
  readonly info: RunInfo;
}

const isMaxNormConstrained = (m: Module): m is Module & MaxNormConstrained => typeof (m as Partial<MaxNormConstrained>).applyMaxNorm === 'function';

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Trains a classifier with cross-entropy and accuracy, the way `cnnkit train` and `finetune` do,
 * writing into outDir: checkpoint-last.safetensors after every epoch and checkpoint-best when
 * val_accuracy improves (both resumable fit() checkpoints, written atomically), metrics.jsonl
 * (a line per epoch, fsynced), curves.html (rewritten each epoch) and, at the end,
 * model.safetensors (the weights alone, for eval / predict / export) and run.json (what was
 * trained on what, how, and the final metrics). The eager backend must already be set.
 */
export async function runTraining(o: RunTrainingOptions): Promise<TrainingRun> {
  const files = Object.fromEntries(Object.entries(RUN_FILES).map(([k, name]) => [k, path.resolve(o.outDir, name)])) as Record<keyof typeof RUN_FILES, string>;
  await mkdir(o.outDir, { recursive: true });
  if (o.resume && !(await exists(files.lastCheckpoint))) {
    throw new CnnkitError('IO', `--resume: no checkpoint '${files.lastCheckpoint}' to continue from; expected a run directory written by cnnkit train (drop --resume to start afresh)`, { file: files.lastCheckpoint });
  }
  await o.model.toBackend();
  const groups = o.paramGroups ?? [{ name: 'all', params: o.model.parameters().filter((p) => p.requiresGrad) }];
  const optimizer = buildOptimizer(o.optimizer, groups);
  const schedule = buildSchedule(o.schedule, optimizer, o.epochs, o.data.train.numBatches ?? 1);
  const trainable = o.model.parameterCount({ trainableOnly: true });
  o.io.out(`training: ${o.modelName}, ${grouped(trainable)} of ${grouped(o.model.parameterCount())} parameters trainable; ${o.optimizer.kind} lr ${o.optimizer.lr}${groups.length > 1 ? ` (${groups.map((g) => `${g.name} lr ${g.lr ?? o.optimizer.lr}`).join(', ')})` : ''}, schedule ${o.schedule.kind}, seed ${o.seed}`);
  o.io.out(`data: ${grouped(o.data.train.size)} training samples in ${o.data.train.numBatches ?? '?'} batches per epoch; validation on ${o.data.validationDescription}`);

  const callbacks: Callback[] = [
    new ProgressBar({ io: o.io, ...(o.terminal ? { terminal: o.terminal } : {}) }),
    ...(isMaxNormConstrained(o.model) ? [maxNormConstraint(o.model)] : []),
    ...(o.callbacks ?? []),
    new MetricsLog(files.metrics),
    new CurvesHtml(files.curves, `${o.modelName} training curves`),
  ];
  if (o.earlyStoppingPatience !== undefined) {
    if (!o.data.validation) throw new CnnkitError('INVALID_ARGUMENT', 'early stopping watches val_loss; expected a validation source');
    callbacks.push(new EarlyStopping({ monitor: 'val_loss', patience: o.earlyStoppingPatience, restoreBestWeights: true }));
  }
  if (o.data.validation) callbacks.push(new ModelCheckpoint(files.bestCheckpoint, { saveBestOnly: true, monitor: 'val_accuracy', name: 'best_checkpoint' }));
  callbacks.push(new ModelCheckpoint(files.lastCheckpoint, { name: 'last_checkpoint' }));

  try {
    const result = await fit(o.model, {
      train: o.data.train, ...(o.data.validation ? { validation: o.data.validation } : {}),
      epochs: o.epochs, loss: (out, y) => crossEntropy(out, y), optimizer, ...(schedule ? { schedule, scheduleEvery: scheduleEvery(o.schedule) } : {}),
      metrics: ['accuracy'], callbacks, seed: o.seed, ...(o.resume ? { resumeFrom: files.lastCheckpoint } : {}),
    });
    const final = result.history[result.history.length - 1];
    const best = bestEpoch(result.history);
    const info: RunInfo = {
      format: 'cnnkit-run', version: 1,
      model: { name: o.modelName, options: { ...o.modelOptions } },
      classes: [...o.data.classes],
      seed: o.seed,
      epochs: { requested: o.epochs, finished: result.epochs, stoppedEarly: result.stoppedEarly, ...(result.stopReason ? { stopReason: result.stopReason } : {}) },
      optimizer: { ...o.optimizer, groups: groups.map((g) => ({ name: g.name, parameters: g.params.length, lr: g.lr ?? o.optimizer.lr })) },
      schedule: { ...o.schedule },
      validation: o.data.validationDescription,
      ...(o.earlyStoppingPatience !== undefined ? { earlyStopping: { monitor: 'val_loss', patience: o.earlyStoppingPatience } } : {}),
      ...o.runInfo,
      final: final ? { ...final, epoch: final.epoch + 1 } : null,
      ...(best ? { best: { epoch: best.epoch + 1, val_accuracy: best['val_accuracy'] } } : {}),
      files: { ...RUN_FILES },
    };
    await writeSafetensors(files.weights, await o.model.stateDict(), { 'cnnkit.model': o.modelName });
    await writeFileAtomic(files.run, `${JSON.stringify(info, null, 2)}\n`);
    if (final) {
      o.io.out(`saved: ${files.weights} (weights), ${files.run}, ${files.metrics}, ${files.curves}`);
      o.io.out(`checkpoints: ${files.lastCheckpoint} (last, resume with --resume)${o.data.validation ? `, ${files.bestCheckpoint} (best val_accuracy${best ? ` ${(best['val_accuracy']! * 100).toFixed(2)}% at epoch ${best.epoch + 1}` : ''})` : ''}`);
    }
    return { fit: result, final, files, info };
  } finally {
    optimizer.dispose();
  }
}

function bestEpoch(history: readonly EpochLogs[]): EpochLogs | undefined {
  let best: EpochLogs | undefined;
  for (const h of history) if (typeof h['val_accuracy'] === 'number' && (!best || h['val_accuracy'] > best['val_accuracy']!)) best = h;
  return best;
}
