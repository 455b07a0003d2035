import { existsSync } from 'node:fs';
import path from 'node:path';
import { CnnkitError, type DataSource, Rng, arrayDataSource } from '@cnnkit/core';
import {
  FASHION_MNIST_CLASSES, type ImageDataset, MNIST_NORMALIZATION, compose, imageDataLoader, loadFashionMnist, loadImageFolder, loadMnist,
  normalize, randomCrop, randomHorizontalFlip,
} from '@cnnkit/datasets';
import type { EvalSet } from './evaluate';
import type { Normalization } from './run-files';
import type { TrainingData } from './run-training';

/** The datasets `--dataset` takes by name; folder:PATH takes a folder of class sub-folders. */
export const DATASET_NAMES = ['mnist', 'fashion-mnist', 'folder:PATH'] as const;
const FOLDER = 'folder:';

/**
 * Mean and std of each dataset's training pixels in [0, 1], the values torchvision examples
 * normalise with (MNIST 0.1307 / 0.3081; Fashion-MNIST 0.2860 / 0.3530).
 */
export const DATASET_NORMALIZATION: Readonly<Record<string, Normalization>> = {
  mnist: MNIST_NORMALIZATION,
  'fashion-mnist': { mean: [0.286], std: [0.353] },
};

export type SplitName = 'train' | 'test';

export interface DatasetOptions {
  /** Use the first N samples of each split (quick runs). */
  readonly limit?: number;
  /** Validate on the first N test samples instead (default: limit). */
  readonly testLimit?: number;
  /** Hold out this fraction of train for validation (default 0: validate on the test split). */
  readonly valSplit?: number;
  readonly batchSize: number;
  /** Seeds the held-out split. */
  readonly seed: number;
  /** Random crops with padding 2 (greyscale digits and clothes), random horizontal flips (folders). */
  readonly augment?: boolean;
}

export interface PreparedDataset extends TrainingData {
  readonly name: string;
  readonly normalization: Normalization;
  /** Sample shape [c, h, w]. */
  readonly sampleShape: readonly number[];
  /** Zoo options the data implies (class count, image side). */
  readonly modelOptions: Readonly<Record<string, number>>;
}

function checkName(name: string): void {
  if (!name.startsWith(FOLDER) && !(DATASET_NAMES as readonly string[]).includes(name)) {
    throw new CnnkitError('INVALID_ARGUMENT', `dataset '${name}' is not known; expected one of ${DATASET_NAMES.join(', ')}`);
  }
}

/**
 * The folder of one split of folder:ROOT: ROOT/train and ROOT/test when ROOT has them (as
 * torchvision's ImageFolder datasets are usually laid out), else ROOT itself for train and no
 * test split (hold part of train out with --val-split).
 */
export function folderSplit(name: string, split: SplitName): string | undefined {
  const root = name.slice(FOLDER.length);
  const sub = path.join(root, split);
  if (existsSync(sub)) return sub;
  return split === 'train' ? root : undefined;
}

/** One split of a named image dataset, as loaded (pixels in [0, 1]). */
export async function loadImageSplit(name: string, split: SplitName, limit?: number): Promise<ImageDataset> {
  checkName(name);
  const options = limit !== undefined ? { limit } : {};
  if (name.startsWith(FOLDER)) {
    const folder = folderSplit(name, split);
    if (folder === undefined) throw new CnnkitError('IO', `dataset ${name} has no '${split}' sub-folder; expected ${path.join(name.slice(FOLDER.length), split)} with one folder per class (or validate with --val-split)`);
    return loadImageFolder(folder, options);
  }
  if (name === 'mnist') return loadMnist(split, options);
  const data = await loadFashionMnist(split, options);
  return { ...data, classes: data.classes.length ? data.classes : FASHION_MNIST_CLASSES };
}

/** Per-channel mean and std of a dataset's pixels (for folders, whose statistics nobody published). */
export function channelStatistics(data: ImageDataset): Normalization {
  const [channels, h, w] = data.shape;
  const plane = h * w;
  const sums = new Float64Array(channels);
  const squares = new Float64Array(channels);
  for (let i = 0; i < data.images.length; i++) {
    const c = Math.floor(i / plane) % channels;
    const v = data.images[i]!;
    sums[c]! += v;
    squares[c]! += v * v;
  }
  const n = data.count * plane;
  const mean = Array.from(sums, (s) => Number((s / n).toFixed(4)));
  const std = Array.from(squares, (q, c) => Number(Math.sqrt(Math.max(q / n - (sums[c]! / n) ** 2, 1e-12)).toFixed(4)));
  return { mean, std };
}

/** (x - mean[c]) / std[c] per channel, into a new array. */
export function normalizeImages(images: Float32Array, shape: readonly number[], n: Normalization): Float32Array {
  const [channels, h, w] = shape as [number, number, number];
  const plane = h * w;
  const out = new Float32Array(images.length);
  for (let i = 0; i < images.length; i++) {
    const c = Math.floor(i / plane) % channels;
    out[i] = (images[i]! - n.mean[c]!) / n.std[c]!;
  }
  return out;
}

/** Samples `indices` of an image dataset (all of them in order when absent). */
function pick(data: ImageDataset, indices: readonly number[]): { images: Float32Array; labels: Int32Array } {
  const size = data.shape[0] * data.shape[1] * data.shape[2];
  const images = new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  indices.forEach((src, dst) => {
    images.set(data.images.subarray(src * size, (src + 1) * size), dst * size);
    labels[dst] = data.labels[src]!;
  });
  return { images, labels };
}

/** A seeded permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, seed: number): number[] {
  const rng = new Rng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.nextFloat() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Splits train into (train, held out) by a seeded shuffle: the held-out part is `fraction` of it. */
export function holdOut(count: number, fraction: number, seed: number): { train: number[]; heldOut: number[] } {
  if (!(fraction >= 0 && fraction < 1)) throw new CnnkitError('INVALID_ARGUMENT', `--val-split is ${fraction}; expected a fraction in [0, 1)`);
  const order = permutation(count, seed);
  const held = Math.round(count * fraction);
  if (fraction > 0 && (held === 0 || held === count)) {
    throw new CnnkitError('INVALID_ARGUMENT', `--val-split ${fraction} of ${count} training samples leaves ${held} for validation and ${count - held} for training; expected both non-empty`);
  }
  return { train: order.slice(held).sort((a, b) => a - b), heldOut: order.slice(0, held).sort((a, b) => a - b) };
}

function source(images: Float32Array, labels: Int32Array, shape: readonly number[], batchSize: number, shuffle: boolean): DataSource {
  return arrayDataSource({ x: images, sampleShape: shape, y: labels, batchSize, shuffle });
}

/**
 * Training and validation sources of a named dataset, normalised by its mean / std (applied to
 * the host arrays once, not per batch). Validation is the test split unless valSplit holds a
 * fraction of train out (seeded), as torchvision examples validate on the test set.
 */
export async function prepareImageDataset(name: string, o: DatasetOptions): Promise<PreparedDataset> {
  const full = await loadImageSplit(name, 'train', o.limit);
  const normalization = DATASET_NORMALIZATION[name] ?? channelStatistics(full);
  const shape = full.shape;
  const isFolder = name.startsWith(FOLDER);
  if (isFolder && !o.valSplit && folderSplit(name, 'test') === undefined) {
    throw new CnnkitError('INVALID_ARGUMENT', `dataset ${name} has no test sub-folder to validate on; pass --val-split F to hold out part of the training images`);
  }
  const valSplit = o.valSplit ?? 0;
  let train: { images: Float32Array; labels: Int32Array };
  let validation: { images: Float32Array; labels: Int32Array };
  let validationDescription: string;
  if (valSplit > 0) {
    const { train: keep, heldOut } = holdOut(full.count, valSplit, o.seed);
    train = pick(full, keep);
    validation = pick(full, heldOut);
    validationDescription = `${(valSplit * 100).toFixed(0)}% of ${name} train held out (${heldOut.length} samples, seed ${o.seed})`;
  } else {
    train = { images: full.images, labels: full.labels };
    const test = await loadImageSplit(name, 'test', o.testLimit ?? o.limit);
    validation = { images: test.images, labels: test.labels };
    validationDescription = `the ${name} test split (${test.count} samples)`;
  }
  // Augmentation runs per sample as batches are drawn (from fit()'s generator), before normalising, as torchvision does.
  const augment = isFolder ? randomHorizontalFlip() : randomCrop({ padding: 2 });
  const trainSource = o.augment
    ? imageDataLoader({ ...full, images: train.images, labels: train.labels, count: train.labels.length }, { batchSize: o.batchSize, shuffle: true, transform: compose(augment, normalize(normalization.mean, normalization.std)) })
    : source(normalizeImages(train.images, shape, normalization), train.labels, shape, o.batchSize, true);
  return {
    name,
    train: trainSource,
    validation: source(normalizeImages(validation.images, shape, normalization), validation.labels, shape, o.batchSize, false),
    validationDescription,
    classes: full.classes,
    normalization,
    sampleShape: shape,
    modelOptions: { numClasses: full.classes.length, inputSize: shape[1]! },
  };
}

/** A split of a named dataset as host arrays for evaluation, normalised as in training. */
export async function loadEvalSet(name: string, split: SplitName, normalization: Normalization | undefined, limit?: number): Promise<EvalSet> {
  const data = await loadImageSplit(name, split, limit);
  const n = normalization ?? DATASET_NORMALIZATION[name]!;
  return {
    inputs: normalizeImages(data.images, data.shape, n), sampleShape: data.shape, labels: data.labels, classes: data.classes,
    description: `the ${name} ${split} split (${data.count} samples)`,
  };
}
