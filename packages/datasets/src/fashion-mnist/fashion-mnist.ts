import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CnnkitError } from '@cnnkit/core';
import { type ImageDataset, type IdxBytes, type Split, idxPairToDataset } from '../mnist/mnist';

/** Zalando's ten Fashion-MNIST classes, in label order. */
export const FASHION_MNIST_CLASSES: readonly string[] = Object.freeze([
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
]);

/** Where Debian's dataset-fashion-mnist puts the files. */
const DEBIAN_DIR = '/usr/share/datasets/fashion-mnist';

const FILES: Record<Split, [images: string, labels: string]> = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
};

/** The folder read by default: $CNNKIT_FASHION_MNIST_DIR when set, else Debian's install location. */
export function fashionMnistDataDir(): string {
  const fromEnv = process.env['CNNKIT_FASHION_MNIST_DIR'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEBIAN_DIR;
}

/**
 * Fashion-MNIST (28×28 grey clothing images, 60,000 train / 10,000 test) from IDX files, gzipped
 * (`*.gz`, as Debian ships them) or plain. Images come as float32 [1, 28, 28] in [0, 1].
 */
export async function loadFashionMnist(split: Split, options: { limit?: number; dir?: string } = {}): Promise<ImageDataset> {
  const dir = options.dir ?? fashionMnistDataDir();
  const [imagesName, labelsName] = FILES[split];
  const imagesFile = await findIdxFile(dir, imagesName);
  const labelsFile = await findIdxFile(dir, labelsName);
  if (imagesFile === undefined || labelsFile === undefined) {
    const missing = [imagesFile === undefined ? imagesName : undefined, labelsFile === undefined ? labelsName : undefined].filter((n) => n !== undefined);
    throw new CnnkitError(
      'IO',
      `Fashion-MNIST ${split} split: ${missing.map((n) => `${n}(.gz)`).join(' and ')} not found in ${dir}; ` +
        'install it with: sudo apt-get install dataset-fashion-mnist (Debian/Ubuntu), or set CNNKIT_FASHION_MNIST_DIR to a folder holding the four IDX files (.gz or not)',
      { dir, split, missing },
    );
  }
  return idxPairToDataset(imagesFile, labelsFile, FASHION_MNIST_CLASSES, options.limit);
}

/** Reads `name.gz` (gunzipped) or `name`, whichever exists; undefined when neither does. */
async function findIdxFile(dir: string, name: string): Promise<IdxBytes | undefined> {
  for (const candidate of [`${name}.gz`, name]) {
    const file = path.join(dir, candidate);
    if (!(await exists(file))) continue;
    const raw = new Uint8Array(await readFile(file));
    if (!candidate.endsWith('.gz')) return { source: file, bytes: raw };
    try {
      return { source: file, bytes: new Uint8Array(gunzipSync(raw)) };
    } catch (error) {
      throw new CnnkitError('IO', `${file}: not a readable gzip file (${(error as Error).message}); expected a gzipped IDX file`, { file }, { cause: error });
    }
  }
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
