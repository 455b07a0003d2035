import { type Batch, CnnkitError, type DataSource, F, type Rng } from '@cnnkit/core';
import type { ImageDataset } from '../mnist/mnist';
import { type BatchingOptions, epochOrder, planBatches } from './batching';
import { type ImageShape, type Transform, transformOutputShape } from './transforms/transform';

export interface DataLoaderOptions extends BatchingOptions {
  /** Applied to each sample as it is batched (augmentation, normalisation); draws from fit()'s rng. */
  readonly transform?: Transform;
}

/**
 * Batches of an image dataset for fit(): x float32 [B, c, h, w] (the transform's output shape),
 * y int32 [B]. Each epoch first draws its order from the rng fit() passes (when shuffling), then
 * the transform draws from the same rng sample by sample as batches are made, so one seed (and
 * a checkpoint's saved rng state) always gives the same batches. The transform gets a copy of
 * each sample; the dataset's arrays are never written. For evaluation: no shuffle, no transform.
 */
export function imageDataLoader(dataset: ImageDataset, options: DataLoaderOptions): DataSource {
  const where = 'imageDataLoader';
  const shape = checkImageDataset(dataset, where);
  const plan = planBatches(options, dataset.count, where);
  const { transform } = options;
  const inSize = shape[0] * shape[1] * shape[2];
  const outShape = transform === undefined ? shape : transformOutputShape(transform, shape);
  const outSize = outShape[0] * outShape[1] * outShape[2];

  function* yieldBatches(order: Int32Array, rng: Rng): Generator<Batch> {
    for (let b = 0; b < plan.numBatches; b++) {
      const start = b * plan.batchSize;
      const count = Math.min(plan.batchSize, plan.size - start);
      const xs = new Float32Array(count * outSize);
      const ys = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        const s = order[start + i]!;
        ys[i] = dataset.labels[s]!;
        if (transform === undefined) {
          xs.set(dataset.images.subarray(s * inSize, (s + 1) * inSize), i * outSize);
          continue;
        }
        // slice(): the transform works on a copy, so no transform can alter the dataset.
        const out = transform(dataset.images.slice(s * inSize, (s + 1) * inSize), shape, rng);
        if (!(out instanceof Float32Array) || out.length !== outSize) {
          throw new CnnkitError('SHAPE_MISMATCH', `${where}: the transform returned ${out instanceof Float32Array ? `${out.length} values` : 'a non-Float32Array'} for sample ${s}; expected a Float32Array of ${outSize} values (shape [${outShape.join(', ')}])`);
        }
        xs.set(out, i * outSize);
      }
      yield { x: F.tensor(xs, [count, ...outShape]), y: F.tensor(ys, [count], 'int32') };
    }
  }

  return {
    size: plan.size,
    numBatches: plan.numBatches,
    batches(_epoch: number, rng: Rng): Iterable<Batch> {
      return yieldBatches(epochOrder(plan, rng), rng);
    },
  };
}

/**
 * Batches of token-id sequences (padSequences' output) for fit(): x int32 [B, length], y int32 [B].
 * Shuffling as imageDataLoader's.
 */
export function sequenceDataLoader(ids: Int32Array, length: number, labels: Int32Array, options: Omit<DataLoaderOptions, 'transform'>): DataSource {
  const where = 'sequenceDataLoader';
  if (!(ids instanceof Int32Array)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: ids is not an Int32Array; expected padded token ids (padSequences' output)`);
  if (!(labels instanceof Int32Array)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: labels is not an Int32Array; expected int32 class indices`);
  if (!Number.isInteger(length) || length < 1) throw new CnnkitError('INVALID_ARGUMENT', `${where}: length is ${length}; expected a positive integer`);
  if (ids.length !== labels.length * length) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: ${ids.length} ids for ${labels.length} labels; expected ${labels.length} × ${length} = ${labels.length * length}`);
  }
  const plan = planBatches(options, labels.length, where);

  function* yieldBatches(order: Int32Array): Generator<Batch> {
    for (let b = 0; b < plan.numBatches; b++) {
      const start = b * plan.batchSize;
      const count = Math.min(plan.batchSize, plan.size - start);
      const xs = new Int32Array(count * length);
      const ys = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        const s = order[start + i]!;
        xs.set(ids.subarray(s * length, (s + 1) * length), i * length);
        ys[i] = labels[s]!;
      }
      yield { x: F.tensor(xs, [count, length], 'int32'), y: F.tensor(ys, [count], 'int32') };
    }
  }

  return {
    size: plan.size,
    numBatches: plan.numBatches,
    batches(_epoch: number, rng: Rng): Iterable<Batch> {
      return yieldBatches(epochOrder(plan, rng));
    },
  };
}

function checkImageDataset(dataset: ImageDataset, where: string): ImageShape {
  const { shape, count } = dataset;
  if (!(shape.length === 3 && shape.every((d) => Number.isInteger(d) && d >= 1))) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: dataset shape is ${JSON.stringify(shape)}; expected [channels, height, width], positive integers`);
  }
  if (!(dataset.images instanceof Float32Array) || dataset.images.length !== count * shape[0] * shape[1] * shape[2]) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: dataset images hold ${dataset.images.length} values; expected count ${count} × [${shape.join(', ')}] = ${count * shape[0] * shape[1] * shape[2]} float32 values`);
  }
  if (!(dataset.labels instanceof Int32Array) || dataset.labels.length !== count) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: dataset has ${dataset.labels.length} labels; expected ${count} int32 labels (one per image)`);
  }
  return shape;
}
