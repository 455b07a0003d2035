import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isCnnkitError } from '@cnnkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FASHION_MNIST_CLASSES, fashionMnistDataDir, loadFashionMnist } from './fashion-mnist';

// Expected values from the same gz files, read independently with numpy:
// /usr/bin/python3 -c "import gzip,numpy as np; d='/usr/share/datasets/fashion-mnist/';
//   l=np.frombuffer(gzip.open(d+'t10k-labels-idx1-ubyte.gz').read(),np.uint8,offset=8); print(l[:12].tolist(), np.bincount(l).tolist());
//   im=np.frombuffer(gzip.open(d+'t10k-images-idx3-ubyte.gz').read(),np.uint8,offset=16).reshape(-1,28,28); print(im[0].sum(), im[0,14,10:18].tolist());
//   t=np.frombuffer(gzip.open(d+'train-labels-idx1-ubyte.gz').read(),np.uint8,offset=8); print(len(t), t[:12].tolist())"
const FIRST_TEST_LABELS = [9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5];
const FIRST_TEST_IMAGE_SUM = 33456; // sum of the first test image's bytes
const FIRST_TEST_IMAGE_ROW14 = [0, 0, 98, 136, 110, 109, 110, 162]; // image 0, row 14, columns 10..17
const FIRST_TRAIN_LABELS = [9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9];

// The real files come from Debian's dataset-fashion-mnist (.ci/run installs it); where it cannot
// be had, the tests that read them are skipped and say why.
const DEBIAN_DIR = '/usr/share/datasets/fashion-mnist';
const HAVE_DATA = existsSync(path.join(fashionMnistDataDir(), 't10k-labels-idx1-ubyte.gz')) && existsSync(path.join(DEBIAN_DIR, 't10k-labels-idx1-ubyte.gz'));
const withData = HAVE_DATA ? it : it.skip;
if (!HAVE_DATA) console.warn(`Fashion-MNIST tests that read the data are skipped: the IDX files are not in ${fashionMnistDataDir()} and ${DEBIAN_DIR} (sudo apt-get install dataset-fashion-mnist)`);

describe('loadFashionMnist (Debian dataset-fashion-mnist)', () => {
  withData('loads the test split: 10,000 images, 1,000 per class, the known first labels and pixels', async () => {
    const test = await loadFashionMnist('test');
    expect(test.count).toBe(10_000);
    expect(test.shape).toEqual([1, 28, 28]);
    expect(test.images.length).toBe(10_000 * 784);
    expect(test.classes).toEqual(FASHION_MNIST_CLASSES);
    expect([...test.labels.subarray(0, 12)]).toEqual(FIRST_TEST_LABELS);
    const perClass = new Array<number>(10).fill(0);
    for (const y of test.labels) perClass[y]! += 1;
    expect(perClass).toEqual(new Array<number>(10).fill(1000));
    let sum = 0;
    for (const v of test.images.subarray(0, 784)) sum += v * 255;
    expect(sum).toBeCloseTo(FIRST_TEST_IMAGE_SUM, 1);
    expect([...test.images.subarray(14 * 28 + 10, 14 * 28 + 18)].map((v) => Math.round(v * 255))).toEqual(FIRST_TEST_IMAGE_ROW14);
  });

  withData('loads the train split: 60,000 images with the known first labels', async () => {
    const train = await loadFashionMnist('train');
    expect(train.count).toBe(60_000);
    expect([...train.labels.subarray(0, 12)]).toEqual(FIRST_TRAIN_LABELS);
  });

  withData('limits the number of samples', async () => {
    const train = await loadFashionMnist('train', { limit: 50 });
    expect(train.count).toBe(50);
    expect(train.images.length).toBe(50 * 784);
    expect(train.labels.length).toBe(50);
  });

  it('names the class list in label order', () => {
    expect(FASHION_MNIST_CLASSES[0]).toBe('T-shirt/top');
    expect(FASHION_MNIST_CLASSES[9]).toBe('Ankle boot');
    expect(FASHION_MNIST_CLASSES).toHaveLength(10);
  });

  describe('other folders', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-fmnist-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('explains how to install the data when the folder holds no IDX files', async () => {
      const error = await loadFashionMnist('test', { dir }).catch((e: unknown) => e);
      expect(isCnnkitError(error, 'IO')).toBe(true);
      const message = (error as Error).message;
      expect(message).toContain(dir);
      expect(message).toContain('sudo apt-get install dataset-fashion-mnist');
      expect(message).toContain('CNNKIT_FASHION_MNIST_DIR');
    });

    withData('reads plain (not gzipped) IDX files too, and $CNNKIT_FASHION_MNIST_DIR picks the default folder', async () => {
      const source = DEBIAN_DIR;
      // The test split's labels gunzipped, the images kept gzipped: a mixed folder works.
      writeFileSync(path.join(dir, 't10k-labels-idx1-ubyte'), gunzipSync(readFileSync(path.join(source, 't10k-labels-idx1-ubyte.gz'))));
      await copyFile(path.join(source, 't10k-images-idx3-ubyte.gz'), path.join(dir, 't10k-images-idx3-ubyte.gz'));
      const previous = process.env['CNNKIT_FASHION_MNIST_DIR'];
      process.env['CNNKIT_FASHION_MNIST_DIR'] = dir;
      try {
        expect(fashionMnistDataDir()).toBe(dir);
        const test = await loadFashionMnist('test', { limit: 12 });
        expect([...test.labels]).toEqual(FIRST_TEST_LABELS);
      } finally {
        if (previous === undefined) delete process.env['CNNKIT_FASHION_MNIST_DIR'];
        else process.env['CNNKIT_FASHION_MNIST_DIR'] = previous;
      }
      expect(fashionMnistDataDir()).toBe(previous ?? source);
    });
  });
});
