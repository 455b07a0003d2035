import { type DataSource, Rng, arrayDataSource, setBackend } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDataset } from '../mnist/mnist';
import { imageDataLoader, sequenceDataLoader } from './data-loader';
import { hostTestBackend } from './test-host-backend';
import { randomCrop } from './transforms/random-crop';
import { randomHorizontalFlip } from './transforms/random-horizontal-flip';

beforeAll(() => setBackend(hostTestBackend));

// 10 images of shape [1, 1, 3]: image i is [i, 10 + i, 20 + i], label 100 + i, so each batch shows
// which samples it holds, that x and y stayed paired, and whether an image was flipped.
const COUNT = 10;
const DATASET: ImageDataset = {
  images: Float32Array.from({ length: COUNT * 3 }, (_, k) => Math.floor(k / 3) + 10 * (k % 3)),
  labels: Int32Array.from({ length: COUNT }, (_, i) => 100 + i),
  count: COUNT,
  shape: [1, 1, 3],
  classes: ['a'],
};

interface Epoch {
  readonly ids: number[][];
  readonly shapes: string[];
  readonly flipped: boolean[];
}

function readEpoch(source: DataSource, rng: Rng, epoch = 0): Epoch {
  const ids: number[][] = [];
  const shapes: string[] = [];
  const flipped: boolean[] = [];
  for (const { x, y } of source.batches(epoch, rng)) {
    shapes.push(`${x.dtype}[${x.shape.join(',')}] ${y.dtype}[${y.shape.join(',')}]`);
    const xs = Array.from(x.dataSync());
    const ys = Array.from(y.dataSync());
    ys.forEach((label, i) => {
      const id = label - 100;
      const [a, b, c] = xs.slice(3 * i, 3 * i + 3);
      const isFlipped = a === 20 + id;
      expect(isFlipped ? [c, b, a] : [a, b, c]).toEqual([id, 10 + id, 20 + id]);
      flipped.push(isFlipped);
    });
    ids.push(ys.map((label) => label - 100));
    x.dispose();
    y.dispose();
  }
  return { ids, shapes, flipped };
}

describe('imageDataLoader', () => {
  it('batches in order with a last partial batch; float32 x [B, c, h, w], int32 y [B]', () => {
    const loader = imageDataLoader(DATASET, { batchSize: 4 });
    expect(loader.size).toBe(10);
    expect(loader.numBatches).toBe(3);
    const epoch = readEpoch(loader, new Rng(0));
    expect(epoch.ids).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(epoch.shapes).toEqual(['float32[4,1,1,3] int32[4]', 'float32[4,1,1,3] int32[4]', 'float32[2,1,1,3] int32[2]']);
  });

  it('drops the last partial batch with dropLast, and keeps the first `limit` samples', () => {
    const dropped = imageDataLoader(DATASET, { batchSize: 4, dropLast: true });
    expect(dropped.numBatches).toBe(2);
    expect(readEpoch(dropped, new Rng(0)).ids).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    const limited = imageDataLoader(DATASET, { batchSize: 4, limit: 5 });
    expect(limited.size).toBe(5);
    expect(readEpoch(limited, new Rng(0)).ids).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('shuffles each sample exactly once per epoch, the same for a seed, anew each epoch', () => {
    const loader = imageDataLoader(DATASET, { batchSize: 3, shuffle: true });
    const rng = new Rng(42);
    const first = readEpoch(loader, rng, 0).ids.flat();
    const second = readEpoch(loader, rng, 1).ids.flat();
    expect([...first].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...second].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first).not.toEqual(second);
    expect(first).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const again = new Rng(42);
    expect(readEpoch(loader, again, 0).ids.flat()).toEqual(first);
    expect(readEpoch(loader, again, 1).ids.flat()).toEqual(second);
  });

  it("shuffles exactly as core's arrayDataSource does for the same rng state", () => {
    const ours = readEpoch(imageDataLoader(DATASET, { batchSize: 4, shuffle: true }), new Rng(9)).ids;
    const core = arrayDataSource({ x: DATASET.images, sampleShape: [1, 1, 3], y: DATASET.labels, batchSize: 4, shuffle: true });
    expect(ours).toEqual(readEpoch(core, new Rng(9)).ids);
  });

  it('draws the permutation first, then the transform in sample order, from the same rng', () => {
    const loader = imageDataLoader(DATASET, { batchSize: 4, shuffle: true, transform: randomHorizontalFlip(0.5) });
    const epoch = readEpoch(loader, new Rng(3));
    // Replay the contract by hand: Fisher–Yates (9 draws), then one flip draw per sample in order.
    const replay = new Rng(3);
    const order = Array.from({ length: COUNT }, (_, i) => i);
    for (let i = COUNT - 1; i > 0; i--) {
      const j = Math.floor(replay.nextFloat() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    expect(epoch.ids.flat()).toEqual(order);
    expect(epoch.flipped).toEqual(order.map(() => replay.nextFloat() < 0.5));
    expect(epoch.flipped.some((f) => f) && epoch.flipped.some((f) => !f)).toBe(true);
  });

  it("never writes into the dataset's arrays and batches the transform's output shape", () => {
    const before = DATASET.images.slice();
    // A transform that scribbles on its input: the loader hands it a copy.
    const scribble = (sample: Float32Array): Float32Array => {
      sample.fill(-7);
      return sample;
    };
    readEpoch(imageDataLoader(DATASET, { batchSize: 4, transform: randomHorizontalFlip(1) }), new Rng(0));
    const scribbled = imageDataLoader(DATASET, { batchSize: 10, transform: scribble });
    for (const { x } of scribbled.batches(0, new Rng(0))) expect(Array.from(x.dataSync()).every((v) => v === -7)).toBe(true);
    expect([...DATASET.images]).toEqual([...before]);
    const cropped = imageDataLoader(DATASET, { batchSize: 10, transform: randomCrop({ padding: 0, size: [1, 2] }) });
    const [batch] = [...cropped.batches(0, new Rng(0))];
    expect(batch!.x.shape).toEqual([10, 1, 1, 2]);
  });

  it('rejects bad options and inconsistent datasets, saying what was expected', () => {
    expect(() => imageDataLoader(DATASET, { batchSize: 0 })).toThrow(/batchSize is 0; expected a positive integer/);
    expect(() => imageDataLoader(DATASET, { batchSize: 2, limit: -3 })).toThrow(/limit is -3/);
    expect(() => imageDataLoader({ ...DATASET, count: 11 }, { batchSize: 2 })).toThrow(/hold 30 values; expected count 11/);
    const wrongLength = imageDataLoader(DATASET, { batchSize: 2, transform: () => new Float32Array(2) });
    expect(() => [...wrongLength.batches(0, new Rng(0))]).toThrow(/returned 2 values for sample 0; expected a Float32Array of 3 values/);
  });
});

describe('sequenceDataLoader', () => {
  // 5 sequences of length 2: sequence i is [i, 50 + i], label i % 2.
  const ids = Int32Array.from({ length: 10 }, (_, k) => (k % 2 === 0 ? k / 2 : 50 + (k - 1) / 2));
  const labels = Int32Array.from({ length: 5 }, (_, i) => i % 2);

  it('batches int32 x [B, length] with int32 y [B], pairs intact', () => {
    const loader = sequenceDataLoader(ids, 2, labels, { batchSize: 2 });
    expect(loader.numBatches).toBe(3);
    const batches = [...loader.batches(0, new Rng(0))];
    expect(batches.map((b) => `${b.x.dtype}[${b.x.shape.join(',')}] ${b.y.dtype}[${b.y.shape.join(',')}]`)).toEqual([
      'int32[2,2] int32[2]',
      'int32[2,2] int32[2]',
      'int32[1,2] int32[1]',
    ]);
    expect(Array.from(batches[2]!.x.dataSync())).toEqual([4, 54]);
    expect(Array.from(batches[2]!.y.dataSync())).toEqual([0]);
  });

  it('shuffles deterministically and keeps each sequence with its label', () => {
    const loader = sequenceDataLoader(ids, 2, labels, { batchSize: 5, shuffle: true });
    const read = (seed: number): number[] => {
      const [batch] = [...loader.batches(0, new Rng(seed))];
      const xs = Array.from(batch!.x.dataSync());
      const ys = Array.from(batch!.y.dataSync());
      ys.forEach((y, i) => {
        expect(xs[2 * i + 1]).toBe(50 + xs[2 * i]!);
        expect(y).toBe(xs[2 * i]! % 2);
      });
      return xs.filter((_, k) => k % 2 === 0);
    };
    expect([...read(1)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(read(1)).toEqual(read(1));
  });

  it('rejects ids that do not match labels × length', () => {
    expect(() => sequenceDataLoader(ids, 3, labels, { batchSize: 2 })).toThrow(/10 ids for 5 labels; expected 5 × 3 = 15/);
  });
});
