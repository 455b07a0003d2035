import { Rng } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** 2^32: uniform 32-bit draws below ratio · 2^32 mean "drop". */
const TWO_POW_32 = 4294967296;

/**
 * Inverted dropout with the reference's mask: a generator seeded with `attrs.seed`, one draw per
 * element in row-major order, drop when the draw is below ratio · 2^32 (backend-cpu's dropout.ts).
 * The mask is built on the host, so the same seed drops the same elements on every backend and
 * training stays deterministic across them. x · mask (not a write of 0) keeps a dropped NaN NaN.
 * Inference, or ratio 0, is the identity.
 */
export const dropoutKernel: TfKernel<'dropout'> = (inputs, attrs) => {
  inferOutput('dropout', inputs, attrs);
  const x = inputs[0]!;
  if (!attrs.training || attrs.ratio === 0) return [x];
  const random = new Rng(attrs.seed);
  const dropBelow = attrs.ratio * TWO_POW_32;
  const scale = 1 / (1 - attrs.ratio);
  const mask = new Float32Array(x.size);
  for (let i = 0; i < mask.length; i++) mask[i] = random.nextUint32() < dropBelow ? 0 : scale;
  return [tf.mul(x, tf.tensor(mask, x.shape, 'float32'))];
};
