import { type Kernel, Rng } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutput } from './infer-static-shape';

/** 2^32: uniform 32-bit draws below ratio * 2^32 mean "drop". */
const TWO_POW_32 = 4294967296;

/**
 * Inverted dropout. Inference, or a ratio of 0, is the identity: a view over the input's array
 * (see reshape.ts for why views are safe). In training each value is zeroed with probability
 * `ratio` and the survivors are scaled by 1 / (1 - ratio), so the expected value is unchanged.
 * The mask comes from a generator seeded with `attrs.seed`, one draw per element in row-major
 * order: the same seed and shape always give the same mask (the caller varies the seed per step).
 */
export const dropoutKernel: Kernel<'dropout'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('dropout', inputs, attrs);
  const src = f32(x);
  if (!attrs.training || attrs.ratio === 0) return [cpuTensor(src, shape)];

  const random = new Rng(attrs.seed);
  const dropBelow = attrs.ratio * TWO_POW_32;
  const scale = 1 / (1 - attrs.ratio);
  const out = new Float32Array(src.length);
  // Multiplying by 0 rather than writing 0 keeps PyTorch's x * mask behaviour: a dropped NaN or
  // infinity still gives NaN, so dropout never hides a diverged activation.
  for (let i = 0; i < src.length; i++) out[i] = src[i]! * (random.nextUint32() < dropBelow ? 0 : scale);
  return [cpuTensor(out, shape)];
};
