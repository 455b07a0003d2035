import { type Batch, type DataSource, F, type Rng } from '@cnnkit/core';
import type { EncodedSplit } from './prepare-data';

/**
 * fit()'s batches from padded token ids: x int32 [B, length], y int32 [B]. With shuffle, each
 * epoch draws its order from fit()'s generator (Fisher–Yates), so a seeded run is repeatable.
 */
export function tokenBatches(split: EncodedSplit, length: number, batchSize: number, shuffle: boolean): DataSource {
  const { size, ids, labels } = split;
  return {
    size,
    numBatches: Math.ceil(size / batchSize),
    *batches(_epoch: number, rng: Rng): Iterable<Batch> {
      const order = new Int32Array(size);
      for (let i = 0; i < size; i++) order[i] = i;
      if (shuffle) {
        for (let i = size - 1; i > 0; i--) {
          const j = Math.floor(rng.nextFloat() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
      }
      for (let start = 0; start < size; start += batchSize) {
        const count = Math.min(batchSize, size - start);
        const x = new Int32Array(count * length);
        const y = new Int32Array(count);
        for (let i = 0; i < count; i++) {
          const s = order[start + i]!;
          x.set(ids.subarray(s * length, (s + 1) * length), i * length);
          y[i] = labels[s]!;
        }
        yield { x: F.tensor(x, [count, length], 'int32'), y: F.tensor(y, [count], 'int32') };
      }
    },
  };
}
