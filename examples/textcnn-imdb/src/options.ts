import { parseArgs } from 'node:util';
import { CnnkitError, defaultBackendName } from '@cnnkit/core';

/** Everything a run of the example depends on; defaults are the measured recipe (README). */
export interface ExampleOptions {
  /** 'cpu', 'tfjs' or a backend package name (default: CNNKIT_BACKEND, else 'cpu', the fastest measured here). */
  readonly backend: string;
  /** tfjs engine ('wasm', 'cpu', 'tensorflow', 'auto'); only for --backend tfjs. */
  readonly engine: string | undefined;
  readonly epochs: number;
  /** Reviews kept in all (train + test) for a quick run; undefined = all 50,000. */
  readonly limit: number | undefined;
  readonly seed: number;
  readonly out: string;
  readonly vocabSize: number;
  readonly minFrequency: number;
  readonly sequenceLength: number;
  readonly embeddingDim: number;
  readonly featureMaps: number;
  readonly windows: readonly number[];
  readonly batchSize: number;
  readonly learningRate: number;
}

export const USAGE = `usage: tsx src/main.ts [--backend cpu|tfjs] [--engine wasm|cpu] [--epochs N] [--limit N] [--seed N] [--out DIR]
       [--vocab N] [--min-frequency N] [--length N] [--embedding N] [--maps N] [--windows 3,4,5] [--batch N] [--lr X]`;

function integer(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CnnkitError('INVALID_ARGUMENT', `--${name} is ${JSON.stringify(value)}; expected an integer >= ${min}\n${USAGE}`);
  return n;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new CnnkitError('INVALID_ARGUMENT', `--${name} is ${JSON.stringify(value)}; expected a number > 0\n${USAGE}`);
  return n;
}

/** Every flag takes a value; all are strings until checked below. */
const FLAGS = ['backend', 'engine', 'epochs', 'limit', 'seed', 'out', 'vocab', 'min-frequency', 'length', 'embedding', 'maps', 'windows', 'batch', 'lr'] as const;
type FlagValues = Partial<Record<(typeof FLAGS)[number], string>>;

function parseFlags(argv: readonly string[]): FlagValues {
  try {
    const { values } = parseArgs({ args: [...argv], strict: true, options: Object.fromEntries(FLAGS.map((flag) => [flag, { type: 'string' as const }])) });
    return values as FlagValues;
  } catch (error) {
    // node:util's own errors (unknown flag, missing value) become ours, with the usage.
    throw new CnnkitError('INVALID_ARGUMENT', `${(error as Error).message}\n${USAGE}`, {}, { cause: error });
  }
}

export function parseOptions(argv: readonly string[]): ExampleOptions {
  return optionsFrom(parseFlags(argv));
}

function optionsFrom(values: FlagValues): ExampleOptions {
  const windows = (values.windows ?? '3,4,5').split(',').map((w) => integer(w.trim(), 0, 'windows', 1));
  const sequenceLength = integer(values.length, 200, 'length', 1);
  if (Math.max(...windows) > sequenceLength) {
    throw new CnnkitError('INVALID_ARGUMENT', `--windows ${windows.join(',')} has a window wider than --length ${sequenceLength}; expected every window <= the sequence length`);
  }
  return {
    backend: values.backend ?? defaultBackendName('cpu'),
    engine: values.engine,
    epochs: integer(values.epochs, 2, 'epochs', 1),
    limit: values.limit === undefined ? undefined : integer(values.limit, 0, 'limit', 4),
    seed: integer(values.seed, 0, 'seed', 0),
    out: values.out ?? 'out',
    vocabSize: integer(values.vocab, 10_000, 'vocab', 3),
    minFrequency: integer(values['min-frequency'], 2, 'min-frequency', 1),
    sequenceLength,
    embeddingDim: integer(values.embedding, 32, 'embedding', 1),
    featureMaps: integer(values.maps, 32, 'maps', 1),
    windows,
    batchSize: integer(values.batch, 64, 'batch', 1),
    learningRate: positive(values.lr, 2e-3, 'lr'),
  };
}
