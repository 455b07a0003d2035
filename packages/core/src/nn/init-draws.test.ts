import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { constant, kaimingNormal, withoutInitDraws } from './init';
import { BatchNorm2d } from './layers/batch-norm2d';
import { Conv2d } from './layers/conv2d';
import { Linear } from './layers/linear';

// Built without an eager backend: the parameters are host tensors, read with dataSync.
const values = (t: { dataSync(): ArrayLike<number> }): number[] => Array.from(t.dataSync());

describe('withoutInitDraws', () => {
  it('leaves zeros where the default init would draw, and draws nothing from the generator', () => {
    const rng = new Rng(3);
    const layer = withoutInitDraws(() => new Linear(4, 3, { rng }));
    expect(values(layer.weight.value)).toEqual(new Array(12).fill(0));
    expect(values(layer.bias!.value)).toEqual([0, 0, 0]);
    expect(rng.nextUint32()).toBe(new Rng(3).nextUint32());
  });

  it('skips re-inits (kaiming) too, and keeps constants', () => {
    const { conv, bn } = withoutInitDraws(() => {
      const c = new Conv2d(2, 2, 1);
      kaimingNormal(c.weight, { mode: 'fanOut', nonlinearity: 'relu' });
      constant(c.bias!, 0.5);
      return { conv: c, bn: new BatchNorm2d(2) };
    });
    expect(values(conv.weight.value)).toEqual([0, 0, 0, 0]);
    expect(values(conv.bias!.value)).toEqual([0.5, 0.5]);
    expect(values(bn.weight!.value)).toEqual([1, 1]);
    expect(values(bn.runningVar!.value)).toEqual([1, 1]);
  });

  it('draws again afterwards, also after fn threw', () => {
    expect(() => withoutInitDraws(() => {
      throw new Error('boom');
    })).toThrow('boom');
    const layer = new Linear(4, 3, { rng: new Rng(3) });
    expect(values(layer.weight.value).some((v) => v !== 0)).toBe(true);
  });
});
