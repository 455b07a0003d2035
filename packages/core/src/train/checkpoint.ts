import { CnnkitError } from '../errors';
import { readSafetensors, writeSafetensors } from '../io/safetensors/file';
import type { Module } from '../nn/module';
import { type Rng, type RngState, defaultRng } from '../random/rng';
import type { TensorValue } from '../tensor/tensor';
import { decodeTree, encodeTree, isTensorValue } from './checkpoint-codec';
import type { OptimizerState } from './optimizers/optimizer-state';
import type { LrScheduleState } from './schedules/lr-schedule';

/** The metadata key of a checkpoint's JSON part, and the format version written there. */
export const CHECKPOINT_METADATA_KEY = 'cnnkit.checkpoint';
export const CHECKPOINT_VERSION = 1;

/** One epoch's logs as fit() records them: epoch index, mean training loss, lr, then metrics and val_ metrics by name. */
export type EpochLogs = { readonly epoch: number; readonly loss: number; readonly lr: number } & Readonly<Record<string, number>>;

/** Something whose state a checkpoint saves: the object itself (its stateDict() is called) or its saved state. */
type Saveable<S> = S | { stateDict(): S | Promise<S> };

export interface CheckpointInput {
  /** A Module, or a state dict under torchvision's keys. Saved as tensors `model.<key>`. */
  readonly model: Module | Readonly<Record<string, TensorValue>>;
  /** Tensors (momentum buffers, Adam moments) saved as `optimizer.state.<index>.<name>`; the rest in the metadata. */
  readonly optimizer?: Saveable<OptimizerState>;
  readonly schedule?: Saveable<LrScheduleState>;
  /** Epochs completed. */
  readonly epoch: number;
  /** Optimizer steps taken. */
  readonly step: number;
  /** Named generator states to resume from, e.g. { default: defaultRng().state }. */
  readonly rng?: Readonly<Record<string, RngState>>;
  readonly history?: readonly EpochLogs[];
  /** Anything else JSON can hold (tensor values allowed); saved under `extra.<path>` / in the metadata. */
  readonly extra?: unknown;
}

export interface Checkpoint {
  /** The model's state dict (host values), ready for module.loadStateDict. */
  readonly model: Record<string, TensorValue>;
  readonly optimizer?: OptimizerState;
  readonly schedule?: LrScheduleState;
  readonly epoch: number;
  readonly step: number;
  readonly rng: Readonly<Record<string, RngState>>;
  readonly history: EpochLogs[];
  readonly extra?: unknown;
}

async function stateOf<S>(x: Saveable<S> | undefined): Promise<S | undefined> {
  if (x === undefined) return undefined;
  if (typeof x === 'object' && x !== null && 'stateDict' in x && typeof x.stateDict === 'function') return await x.stateDict();
  return x as S;
}

const isModule = (m: CheckpointInput['model']): m is Module => typeof (m as Partial<Module>).namedState === 'function';

function checkCount(value: number, name: string, where: string): void {
  if (!Number.isInteger(value) || value < 0) throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} is ${value}; expected an integer >= 0`);
}

/**
 * Saves a training checkpoint as ONE safetensors file: model state as `model.<key>`, optimizer
 * tensors as `optimizer.<...>`, and everything else (epoch, step, RNG states, history, the
 * optimizer's hyper-parameters, the schedule) as JSON under the '__metadata__' key
 * 'cnnkit.checkpoint'. The write is atomic: a process killed mid-write leaves the previous file.
 */
export async function saveCheckpoint(file: string, input: CheckpointInput): Promise<void> {
  const where = `saveCheckpoint('${file}')`;
  checkCount(input.epoch, 'epoch', where);
  checkCount(input.step, 'step', where);
  const model = isModule(input.model) ? await input.model.stateDict() : input.model;
  const tensors = new Map<string, TensorValue>();
  for (const [key, value] of Object.entries(model)) {
    if (!isTensorValue(value)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: model state '${key}' is not a tensor value; expected { dtype, shape, data }`);
    tensors.set(`model.${key}`, value);
  }
  const json = {
    version: CHECKPOINT_VERSION,
    epoch: input.epoch,
    step: input.step,
    optimizer: encodeTree(await stateOf(input.optimizer), 'optimizer', tensors),
    schedule: encodeTree(await stateOf(input.schedule), 'schedule', tensors),
    rng: encodeTree(input.rng ?? {}, 'rng', tensors),
    history: encodeTree(input.history ?? [], 'history', tensors),
    extra: encodeTree(input.extra, 'extra', tensors),
  };
  await writeSafetensors(file, tensors, { [CHECKPOINT_METADATA_KEY]: JSON.stringify(json) });
}

/** Reads a checkpoint written by saveCheckpoint, checking that its parts fit together. */
export async function loadCheckpoint(file: string): Promise<Checkpoint> {
  const where = `checkpoint '${file}'`;
  const { tensors, metadata } = await readSafetensors(file);
  const text = metadata[CHECKPOINT_METADATA_KEY];
  if (text === undefined) {
    throw new CnnkitError('IO', `${where}: no '${CHECKPOINT_METADATA_KEY}' metadata; expected a file written by saveCheckpoint (plain weights load with readSafetensors)`, { file });
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new CnnkitError('IO', `${where}: '${CHECKPOINT_METADATA_KEY}' metadata is not valid JSON (${(error as Error).message})`, { file });
  }
  if (typeof json !== 'object' || json === null || json['version'] !== CHECKPOINT_VERSION) {
    throw new CnnkitError('IO', `${where}: checkpoint format version ${JSON.stringify((json as Record<string, unknown> | null)?.['version'])}; expected ${CHECKPOINT_VERSION}`, { file });
  }
  const epoch = json['epoch'];
  const step = json['step'];
  if (!Number.isInteger(epoch) || !Number.isInteger(step)) {
    throw new CnnkitError('IO', `${where}: epoch ${JSON.stringify(epoch)}, step ${JSON.stringify(step)}; expected integers`, { file });
  }
  const used = new Set<string>();
  const model: Record<string, TensorValue> = {};
  for (const [name, value] of tensors) {
    if (name.startsWith('model.')) {
      model[name.slice('model.'.length)] = value;
      used.add(name);
    }
  }
  const decode = (key: string): unknown => decodeTree(json[key], tensors, used, where);
  const optimizer = decode('optimizer');
  const schedule = decode('schedule');
  const rng = decode('rng');
  const history = decode('history');
  const extra = decode('extra');
  const stray = [...tensors.keys()].filter((name) => !used.has(name));
  if (stray.length > 0) {
    throw new CnnkitError('IO', `${where}: tensor(s) ${stray.map((s) => `'${s}'`).join(', ')} belong to no part; expected 'model.*' or tensors the metadata refers to`, { file });
  }
  if (typeof rng !== 'object' || rng === null || Array.isArray(rng)) throw new CnnkitError('IO', `${where}: rng is ${JSON.stringify(rng)}; expected an object of generator states`, { file });
  if (!Array.isArray(history)) throw new CnnkitError('IO', `${where}: history is ${JSON.stringify(history)}; expected an array of epoch logs`, { file });
  return {
    model,
    ...(optimizer === null ? {} : { optimizer: optimizer as OptimizerState }),
    ...(schedule === null ? {} : { schedule: schedule as LrScheduleState }),
    epoch: epoch as number,
    step: step as number,
    rng: rng as Record<string, RngState>,
    history: history as EpochLogs[],
    ...(extra === null ? {} : { extra }),
  };
}

export interface RestoreTargets {
  readonly model: Module;
  readonly optimizer?: { loadStateDict(state: OptimizerState): void };
  readonly schedule?: { loadStateDict(state: LrScheduleState): void };
  /**
   * Generators to restore by name. Default { default: defaultRng() } (restored when the
   * checkpoint has it); a name given here that the checkpoint lacks is an error.
   */
  readonly rng?: Readonly<Record<string, Rng>>;
}

/**
 * Loads a checkpoint and applies it: the model's state (strict), the optimizer's and schedule's
 * state, and the generators'. Returns the checkpoint (epoch, step, history, extra) for the caller.
 */
export async function restoreCheckpoint(file: string, targets: RestoreTargets): Promise<Checkpoint> {
  const where = `restoreCheckpoint('${file}')`;
  const checkpoint = await loadCheckpoint(file);
  if (targets.optimizer && !checkpoint.optimizer) throw new CnnkitError('INVALID_ARGUMENT', `${where}: an optimizer was given but the checkpoint holds no optimizer state`);
  if (targets.schedule && !checkpoint.schedule) throw new CnnkitError('INVALID_ARGUMENT', `${where}: a schedule was given but the checkpoint holds no schedule state`);
  const explicit = targets.rng !== undefined;
  const rngs = targets.rng ?? { default: defaultRng() };
  if (explicit) {
    const missing = Object.keys(rngs).filter((name) => !(name in checkpoint.rng));
    if (missing.length) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: no state for generator(s) ${missing.map((m) => `'${m}'`).join(', ')}; the checkpoint holds ${Object.keys(checkpoint.rng).map((m) => `'${m}'`).join(', ') || 'none'}`);
    }
  }
  targets.model.loadStateDict(checkpoint.model);
  if (targets.optimizer) targets.optimizer.loadStateDict(checkpoint.optimizer!);
  if (targets.schedule) targets.schedule.loadStateDict(checkpoint.schedule!);
  for (const [name, rng] of Object.entries(rngs)) {
    const state = checkpoint.rng[name];
    if (state) rng.state = state;
  }
  return checkpoint;
}
