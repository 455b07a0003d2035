// The TypeScript seeded weights against their Python twin (scripts/models/seeded_weights.py):
// the fixture was written by scripts/models/make_seeded_fixture.py from torch.nn / torchvision
// modules with the same state-dict keys as the model built here from core's layers.
import {
  BasicBlock, BatchNorm1d, Bottleneck, Conv2d, Embedding, Linear, Sequential, fillSeededUniform, seededIntegers, seededStateDict, seededUniform,
  SEEDED_WEIGHTS_RECIPE_VERSION,
} from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import fixture from '../cases/golden/seeded-weights.json';

interface FixtureTensor {
  readonly key: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data?: readonly number[];
  readonly samples?: Readonly<Record<string, number>>;
}

describe('seededStateDict equals seeded_weights.py bit for bit', () => {
  const model = new Sequential(new Conv2d(3, 4, 3), new BasicBlock(4, 4), new Bottleneck(16, 4), new BatchNorm1d(6), new Linear(2048, 1024), new Embedding(10, 4));
  const state = seededStateDict(model, fixture.seed);
  const tensors = fixture.stateDict as readonly FixtureTensor[];

  it('has the same keys, dtypes and shapes, in order, under the same recipe version', () => {
    expect(fixture.recipeVersion).toBe(SEEDED_WEIGHTS_RECIPE_VERSION);
    expect(Object.keys(state)).toEqual(tensors.map((t) => t.key));
    for (const t of tensors) expect([state[t.key]!.dtype, state[t.key]!.shape], t.key).toEqual([t.dtype, t.shape]);
  });

  it('has the same values in every small tensor', () => {
    const whole = tensors.filter((t) => t.data);
    expect(whole.length).toBeGreaterThan(30);
    for (const t of whole) expect(Array.from(state[t.key]!.data), t.key).toEqual(t.data);
  });

  it('has the same values at the sampled positions of the large linear weight', () => {
    const sampled = tensors.filter((t) => t.samples);
    expect(sampled.map((t) => t.key)).toContain('4.weight');
    for (const t of sampled) {
      for (const [i, v] of Object.entries(t.samples!)) expect(state[t.key]!.data[Number(i)], `${t.key}[${i}]`).toBe(v);
    }
  });

  it('draws the same values 150 million draws into the stream and across its 2^32 wrap', () => {
    for (const run of fixture.runs) {
      const out = fillSeededUniform(new Float32Array(run.n), fixture.seed, run.offset, run.lo, run.hi);
      expect(Array.from(out), `offset ${run.offset}`).toEqual(run.data);
    }
  });

  it('makes the same inputs and token ids', () => {
    expect(Array.from(seededUniform(fixture.input.shape, fixture.input.seed).data)).toEqual(fixture.input.data);
    expect(Array.from(seededIntegers(fixture.tokens.shape, fixture.tokens.seed, fixture.tokens.high).data)).toEqual(fixture.tokens.data);
  });
});
