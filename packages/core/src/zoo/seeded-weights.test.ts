import { describe, expect, it } from 'vitest';
import { BasicBlock } from '../nn/layers/basic-block';
import { BatchNorm2d } from '../nn/layers/batch-norm2d';
import { Bottleneck } from '../nn/layers/bottleneck';
import { Conv2d } from '../nn/layers/conv2d';
import { Linear } from '../nn/layers/linear';
import { Sequential } from '../nn/layers/sequential';
import { Rng } from '../random/rng';
import { fillSeededIntegers, fillSeededUniform, seededBounds, seededStateDict, seededUniform } from './seeded-weights';

// Bit-for-bit agreement with the Python twin is tested in @cnnkit/conformance against a fixture
// written by numpy; here: agreement with core's own Rng, and the recipe.

describe('fillSeededUniform', () => {
  it('equals core Rng.uniform draw for draw, from the start and after skipping draws', () => {
    for (const seed of [0, 1, 42, 4294967295, -7]) {
      const rng = new Rng(seed);
      const expected = Float32Array.from({ length: 1000 }, () => rng.uniform(-0.25, 0.75));
      expect(fillSeededUniform(new Float32Array(1000), seed, 0, -0.25, 0.75), `seed ${seed}`).toEqual(expected);
      expect(fillSeededUniform(new Float32Array(10), seed, 990, -0.25, 0.75), `seed ${seed} offset 990`).toEqual(expected.subarray(990));
    }
  });

  it('treats seeds modulo 2^32, as Rng does', () => {
    expect(fillSeededUniform(new Float32Array(5), -1, 0, 0, 1)).toEqual(fillSeededUniform(new Float32Array(5), 4294967295, 0, 0, 1));
  });

  it('rejects a seed or an offset that is not an integer', () => {
    expect(() => fillSeededUniform(new Float32Array(1), 1.5, 0, 0, 1)).toThrow(/fillSeededUniform: seed 1.5 is not an integer/);
    expect(() => fillSeededUniform(new Float32Array(1), 1, Number.NaN, 0, 1)).toThrow(/offset NaN is not an integer/);
  });
});

describe('fillSeededIntegers', () => {
  it('is floor(high · x / 2^32) of the Rng draws, so every id lies in [0, high)', () => {
    const rng = new Rng(3);
    const expected = Int32Array.from({ length: 500 }, () => Math.floor(rng.nextFloat() * 97));
    const ids = fillSeededIntegers(new Int32Array(500), 3, 0, 97);
    expect(ids).toEqual(expected);
    expect(Math.min(...ids)).toBe(0);
    expect(Math.max(...ids)).toBe(96);
  });

  it('rejects a range it cannot draw exactly', () => {
    expect(() => fillSeededIntegers(new Int32Array(1), 0, 0, 0)).toThrow(/high 0; expected an integer in \[1, 2\^21\]/);
    expect(() => fillSeededIntegers(new Int32Array(1), 0, 0, 2 ** 22)).toThrow(/expected an integer in \[1, 2\^21\]/);
  });
});

describe('seededStateDict', () => {
  // 0: conv, 1: BasicBlock (bn2 ends the branch), 2: Bottleneck (bn3 ends it, bn2 does not), 3: a plain BN, 4: linear.
  const net = (): Sequential => new Sequential(new Conv2d(3, 4, 3), new BasicBlock(4, 4), new Bottleneck(16, 4), new BatchNorm2d(6), new Linear(20, 5));

  it('fills the keys in state-dict order from one stream, integer buffers 0 and drawing nothing', async () => {
    const model = net();
    const state = seededStateDict(model, 11);
    expect(Object.keys(state)).toEqual(Object.keys(await model.stateDict()));
    const rng = new Rng(11);
    const keys = new Set(Object.keys(state));
    for (const [key, v] of Object.entries(state)) {
      if (v.dtype === 'int32') {
        expect(Array.from(v.data), key).toEqual(new Array(v.data.length).fill(0));
        continue;
      }
      const [lo, hi] = seededBounds(key, v.shape, keys);
      expect(v.data, key).toEqual(Float32Array.from({ length: v.data.length }, () => rng.uniform(lo, hi)));
    }
  });

  it('follows the recipe: He-uniform weights, small biases and means, variances and scales around 1, residual-branch scales small', () => {
    const state = seededStateDict(net(), 5);
    const range = (key: string): [number, number] => {
      const d = Array.from(state[key]!.data);
      return [Math.min(...d), Math.max(...d)];
    };
    const within = (key: string, lo: number, hi: number): void => {
      const [min, max] = range(key);
      expect(min, key).toBeGreaterThanOrEqual(lo);
      expect(max, key).toBeLessThan(hi);
    };
    // conv 3 -> 4, 3x3: fan_in 27, b = sqrt(6 / 27) = 0.4714; 108 draws spread across it.
    within('0.weight', -Math.sqrt(6 / 27), Math.sqrt(6 / 27));
    expect(range('0.weight')[1] - range('0.weight')[0]).toBeGreaterThan(0.8);
    within('4.weight', -Math.sqrt(6 / 20), Math.sqrt(6 / 20));
    for (const key of ['0.bias', '1.bn1.bias', '3.running_mean', '4.bias']) within(key, -0.1, 0.1);
    for (const key of ['1.bn1.running_var', '1.bn1.weight', '2.bn1.weight', '2.bn2.weight', '3.weight', '3.running_var']) within(key, 0.5, 1.5);
    for (const key of ['1.bn2.weight', '2.bn3.weight']) within(key, 0.1, 0.3);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = seededStateDict(net(), 1)['0.weight']!.data;
    expect(seededStateDict(net(), 1)['0.weight']!.data).toEqual(a);
    expect(seededStateDict(net(), 2)['0.weight']!.data).not.toEqual(a);
  });

  it('loads strictly into the model it was made for', async () => {
    const model = net();
    const state = seededStateDict(model, 4);
    expect(model.loadStateDict(state).missing).toEqual([]);
    expect((await model.stateDict())['2.conv3.weight']).toEqual(state['2.conv3.weight']);
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => seededStateDict(net(), 0.5)).toThrow(/seededStateDict: seed 0.5 is not an integer/);
  });
});

describe('seededUniform', () => {
  it('is a tensor of the stream from its first draw', () => {
    const rng = new Rng(8);
    const v = seededUniform([2, 3], 8, -2, 2);
    expect(v.shape).toEqual([2, 3]);
    expect(v.data).toEqual(Float32Array.from({ length: 6 }, () => rng.uniform(-2, 2)));
  });
});
