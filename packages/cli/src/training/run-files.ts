import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CnnkitError } from '@cnnkit/core';

/** What a training run directory holds, by role. */
export const RUN_FILES = {
  weights: 'model.safetensors',
  run: 'run.json',
  metrics: 'metrics.jsonl',
  curves: 'curves.html',
  lastCheckpoint: 'checkpoint-last.safetensors',
  bestCheckpoint: 'checkpoint-best.safetensors',
} as const;

/** Per-channel normalisation applied to images before the model: (x - mean) / std. */
export interface Normalization {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** run.json: enough to rebuild the model and feed it data the way it was trained. */
export interface RunInfo {
  readonly format: 'cnnkit-run';
  readonly version: 1;
  readonly model: { readonly name: string; readonly options: Readonly<Record<string, number>> };
  readonly classes: readonly string[];
  readonly seed: number;
  /** Which data: 'mnist', 'fashion-mnist', 'imdb', 'folder:PATH'. */
  readonly dataset?: string;
  readonly normalization?: Normalization;
  /** imdb: the vocabulary file beside the weights, and the padded length. */
  readonly vocabulary?: { readonly file: string; readonly size: number; readonly maxLength: number };
  readonly [key: string]: unknown;
}

/** Reads and checks DIR/run.json. */
export async function readRunInfo(dir: string): Promise<RunInfo> {
  const file = path.join(dir, RUN_FILES.run);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CnnkitError('IO', `cannot read '${file}' (${(error as Error).message}); expected a run directory written by cnnkit train or finetune`, { file }, { cause: error });
  }
  let info: Partial<RunInfo>;
  try {
    info = JSON.parse(text) as Partial<RunInfo>;
  } catch (error) {
    throw new CnnkitError('IO', `'${file}' is not JSON (${(error as Error).message}); expected the run.json cnnkit train writes`, { file });
  }
  if (info.format !== 'cnnkit-run' || typeof info.model?.name !== 'string' || !Array.isArray(info.classes)) {
    throw new CnnkitError('IO', `'${file}' has no model name and classes (format ${JSON.stringify(info.format)}); expected the run.json cnnkit train writes`, { file });
  }
  return info as RunInfo;
}
