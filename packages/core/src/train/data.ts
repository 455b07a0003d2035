import { tensor } from '../eager/functional';
import { CnnkitError } from '../errors';
import type { Rng } from '../random/rng';
import { sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';

/** One batch: inputs x [B, ...sample shape] and targets y [B, ...label shape]. */
export interface Batch {
  readonly x: Tensor;
  readonly y: Tensor;
}

/**
 * Where fit() gets its batches. `batches(epoch, rng)` yields one epoch; any randomness (shuffling,
 * augmentation) must come from `rng`, whose state checkpoints save, so a resumed run sees the
 * same batches as an uninterrupted one. fit() disposes each batch's tensors after its step.
 */
export interface DataSource {
  /** Number of samples. */
  readonly size: number;
  /** Batches per epoch, when known (for progress and ETA). */
  readonly numBatches?: number;
  batches(epoch: number, rng: Rng): Iterable<Batch>;
}

export interface ArrayDataSourceOptions {
  /** All samples back to back, row-major: size × prod(sampleShape) values. */
  readonly x: Float32Array;
  readonly sampleShape: readonly number[];
  /** Targets: int32 class indices, or float32 values (regression, binary targets). */
  readonly y: Int32Array | Float32Array;
  /** Shape of one sample's target (default []: one value per sample). */
  readonly labelShape?: readonly number[];
  readonly batchSize: number;
  /** Visit samples in a new random order every epoch (default false). */
  readonly shuffle?: boolean;
  /** Skip the last, smaller batch (default false). */
  readonly dropLast?: boolean;
}

/**
 * Batches from host arrays. With shuffle, each call of batches() draws a permutation of the
 * samples from rng (Fisher–Yates, size − 1 draws) before yielding anything, so the order of an
 * epoch depends only on the generator's state when the epoch starts.
 */
export function arrayDataSource(o: ArrayDataSourceOptions): DataSource {
  const where = 'arrayDataSource';
  const sampleSize = checkShape(o.sampleShape, 'sampleShape', where);
  const labelShape = o.labelShape ?? [];
  const labelSize = checkShape(labelShape, 'labelShape', where);
  if (!(o.x instanceof Float32Array)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: x is a ${describe(o.x)}; expected a Float32Array`);
  if (!(o.y instanceof Int32Array || o.y instanceof Float32Array)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: y is a ${describe(o.y)}; expected an Int32Array or a Float32Array`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) throw new CnnkitError('INVALID_ARGUMENT', `${where}: batchSize is ${o.batchSize}; expected a positive integer`);
  if (sampleSize === 0 || o.x.length % sampleSize !== 0) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: x has ${o.x.length} values, not a whole number of samples of shape [${o.sampleShape.join(', ')}] (${sampleSize} values each)`);
  }
  const size = o.x.length / sampleSize;
  if (o.y.length !== size * labelSize) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: y has ${o.y.length} values; expected ${size * labelSize} (${size} samples × ${labelSize} per label of shape [${labelShape.join(', ')}])`);
  }
  const dropLast = o.dropLast ?? false;
  const shuffle = o.shuffle ?? false;
  const batchSize = o.batchSize;
  const numBatches = dropLast ? Math.floor(size / batchSize) : Math.ceil(size / batchSize);
  const yDtype = o.y instanceof Int32Array ? 'int32' : 'float32';

  function* yieldBatches(order: Int32Array): Generator<Batch> {
    for (let b = 0; b < numBatches; b++) {
      const start = b * batchSize;
      const count = Math.min(batchSize, size - start);
      const xs = new Float32Array(count * sampleSize);
      const ys = yDtype === 'int32' ? new Int32Array(count * labelSize) : new Float32Array(count * labelSize);
      for (let i = 0; i < count; i++) {
        const s = order[start + i]!;
        xs.set(o.x.subarray(s * sampleSize, (s + 1) * sampleSize), i * sampleSize);
        ys.set(o.y.subarray(s * labelSize, (s + 1) * labelSize), i * labelSize);
      }
      yield { x: tensor(xs, [count, ...o.sampleShape]), y: tensor(ys, [count, ...labelShape], yDtype) };
    }
  }

  return {
    size,
    numBatches,
    batches(_epoch: number, rng: Rng): Iterable<Batch> {
      const order = new Int32Array(size);
      for (let i = 0; i < size; i++) order[i] = i;
      if (shuffle) {
        for (let i = size - 1; i > 0; i--) {
          const j = Math.floor(rng.nextFloat() * (i + 1));
          const t = order[i]!;
          order[i] = order[j]!;
          order[j] = t;
        }
      }
      return yieldBatches(order);
    },
  };
}

function checkShape(shape: readonly number[], name: string, where: string): number {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} is ${JSON.stringify(shape)}; expected an array of positive integers`);
  }
  return sizeOf(shape);
}

function describe(value: unknown): string {
  return typeof value === 'object' && value !== null ? value.constructor.name : typeof value;
}
