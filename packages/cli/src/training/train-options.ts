import { type Backend, CnnkitError, DEFAULT_SEED } from '@cnnkit/core';
import { type OptionSpec, type ParsedOptions, UsageError, intOption, stringOption } from '../args';
import { BACKEND_OPTION, DEVICE_OPTION, openBackend } from '../commands/backend-options';
import { OPTIMIZER_KINDS, type OptimizerKind, type OptimizerSpec, SCHEDULE_KINDS, type ScheduleSpec } from './optimizer-spec';
import type { Terminal } from './progress-bar';

/** Options train and finetune share, as help shows them. */
export const TRAINING_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  dataset: { type: 'string', value: 'NAME', description: 'mnist, fashion-mnist or folder:PATH (one sub-folder per class; PATH/train and PATH/test when present)' },
  augment: { type: 'boolean', description: 'augment training images: random crops with padding 2 (mnist, fashion-mnist), random horizontal flips (folders)' },
  limit: { type: 'string', value: 'N', description: 'use only the first N samples of each split (quick runs)' },
  'val-split': { type: 'string', value: 'F', description: 'hold out this fraction of train for validation (default 0: validate on the test split, as torchvision examples do)' },
  epochs: { type: 'string', value: 'N', description: 'epochs to train (default 3; with --resume, in all)' },
  'batch-size': { type: 'string', value: 'N', description: 'samples per step (default 64)' },
  optimizer: { type: 'string', value: 'NAME', description: `${OPTIMIZER_KINDS.join(' | ')} (default adam)` },
  lr: { type: 'string', value: 'LR', description: 'learning rate (default 1e-3; sgd 0.01)' },
  momentum: { type: 'string', value: 'M', description: 'sgd momentum (default 0.9 with sgd)' },
  'weight-decay': { type: 'string', value: 'WD', description: 'weight decay (default 0; adamw 0.01)' },
  schedule: { type: 'string', value: 'NAME', description: `learning-rate schedule: ${SCHEDULE_KINDS.join(' | ')} (default none; cosine anneals to 0 per epoch, cosine-steps per batch; step: x0.1 every --step-size epochs)` },
  'step-size': { type: 'string', value: 'N', description: 'epochs between two x0.1 steps of --schedule step (default: a third of the epochs)' },
  'early-stopping': { type: 'string', value: 'PATIENCE', description: 'stop after PATIENCE epochs without a lower val_loss, keeping the best weights' },
  seed: { type: 'string', value: 'N', description: `seeds initial weights, shuffling and dropout (default ${DEFAULT_SEED})` },
  out: { type: 'string', value: 'DIR', description: 'run directory: checkpoints, model.safetensors, run.json, metrics.jsonl, curves.html (default runs/<model>-<dataset>)' },
  resume: { type: 'boolean', description: "continue from DIR's last checkpoint (same options) up to --epochs" },
  progress: { type: 'string', value: 'MODE', description: 'auto (a bar on a terminal, else lines), bar, lines (default auto)' },
  backend: BACKEND_OPTION,
  device: DEVICE_OPTION,
};

/** A finite number option (absent: the fallback), checked by `ok`. */
export function numberOption(values: ParsedOptions, name: string, fallback: number, command: string, ok: (v: number) => boolean, expected: string): number {
  const v = stringOption(values, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || !ok(n)) throw new UsageError(`option --${name} is '${v}'; expected ${expected}`, command);
  return n;
}

function choice<T extends string>(values: ParsedOptions, name: string, choices: readonly T[], fallback: T, command: string): T {
  const v = stringOption(values, name) ?? fallback;
  if (!(choices as readonly string[]).includes(v)) throw new UsageError(`option --${name} is '${v}'; expected one of ${choices.join(', ')}`, command);
  return v as T;
}

export interface TrainingSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerSpec;
  readonly schedule: ScheduleSpec;
  readonly seed: number;
  readonly limit: number | undefined;
  readonly valSplit: number;
  readonly earlyStoppingPatience: number | undefined;
  readonly resume: boolean;
  readonly augment: boolean;
  readonly progress: 'auto' | 'bar' | 'lines';
}

/** Reads the shared options; every mistake is a usage error before any work. */
export function trainingSettings(values: ParsedOptions, command: string): TrainingSettings {
  const epochs = intOption(values, 'epochs', 3, command);
  const kind: OptimizerKind = choice(values, 'optimizer', OPTIMIZER_KINDS, 'adam', command);
  const lr = numberOption(values, 'lr', kind === 'sgd' ? 0.01 : 1e-3, command, (v) => v > 0, 'a learning rate > 0, e.g. 1e-3');
  const momentum = numberOption(values, 'momentum', kind === 'sgd' ? 0.9 : 0, command, (v) => v >= 0 && v < 1, 'a number in [0, 1)');
  if (kind !== 'sgd' && stringOption(values, 'momentum') !== undefined) throw new UsageError(`option --momentum is for --optimizer sgd; ${kind} has its own betas`, command);
  const weightDecay = numberOption(values, 'weight-decay', kind === 'adamw' ? 0.01 : 0, command, (v) => v >= 0, 'a number >= 0');
  const scheduleKind = choice(values, 'schedule', SCHEDULE_KINDS, 'none', command);
  const stepSize = intOption(values, 'step-size', Math.max(1, Math.floor(epochs / 3)), command);
  const schedule: ScheduleSpec = scheduleKind === 'step' ? { kind: 'step', stepSize, gamma: 0.1 } : { kind: scheduleKind };
  const limitText = stringOption(values, 'limit');
  return {
    epochs,
    batchSize: intOption(values, 'batch-size', 64, command),
    optimizer: { kind, lr, ...(kind === 'sgd' ? { momentum } : {}), weightDecay },
    schedule,
    seed: intOption(values, 'seed', DEFAULT_SEED, command, 0),
    limit: limitText === undefined ? undefined : intOption(values, 'limit', 0, command),
    valSplit: numberOption(values, 'val-split', 0, command, (v) => v >= 0 && v < 1, 'a fraction in [0, 1), e.g. 0.1'),
    earlyStoppingPatience: stringOption(values, 'early-stopping') === undefined ? undefined : intOption(values, 'early-stopping', 0, command, 0),
    resume: values['resume'] === true,
    augment: values['augment'] === true,
    progress: choice(values, 'progress', ['auto', 'bar', 'lines'] as const, 'auto', command),
  };
}

/** Where the progress bar draws: stdout when it is a terminal (or --progress bar), else nowhere (plain lines). */
export function progressTerminal(mode: TrainingSettings['progress']): Terminal | undefined {
  const stdout = process.stdout;
  if (mode === 'lines' || (mode === 'auto' && !stdout.isTTY)) return undefined;
  return { write: (text) => void stdout.write(text), ...(stdout.columns ? { columns: stdout.columns } : {}) };
}

/**
 * The backend the options name, refused unless it can train: training runs op by op with
 * autograd, which needs an eager backend's kernels; graph-only backends (onnxruntime) only run
 * compiled graphs.
 */
export async function openTrainingBackend(values: ParsedOptions): Promise<Backend> {
  const backend = await openBackend(values);
  if (!backend.kernels || !backend.capabilities.training) {
    await backend.dispose?.();
    throw new CnnkitError('UNSUPPORTED_OP', `backend '${backend.name}' cannot train: it ${backend.kernels ? 'has no training kernels' : 'runs whole compiled graphs only (inference), with no eager kernels for autograd'}; train with --backend cpu or --backend tfjs, then evaluate anywhere, e.g. cnnkit eval --run DIR --backend ${backend.name}`, { backend: backend.name });
  }
  return backend;
}
