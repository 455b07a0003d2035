import { F, Flatten, Identity, LeakyReLU, Linear, ReLU, Sequential, Sigmoid, Tanh } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, read, t, useCpu } from './helpers';

beforeAll(useCpu);

describe('activations', () => {
  const x = () => t([-2, -0.5, 0, 3], [4]);

  it('ReLU, LeakyReLU, Sigmoid, Tanh', () => {
    expect(read(new ReLU().call(x()))).toEqual([0, 0, 0, 3]);
    expectClose(read(new LeakyReLU().call(x())), [-0.02, -0.005, 0, 3]);
    expectClose(read(new LeakyReLU(0.2).call(x())), [-0.4, -0.1, 0, 3]);
    expectClose(read(new Sigmoid().call(x())), [-2, -0.5, 0, 3].map((v) => 1 / (1 + Math.exp(-v))));
    expectClose(read(new Tanh().call(x())), [-2, -0.5, 0, 3].map(Math.tanh));
    expect(new ReLU().parameters()).toEqual([]);
  });
});

describe('Flatten and Identity', () => {
  it('Flatten merges startDim..endDim', () => {
    expect(new Flatten().call(F.zeros([2, 3, 4, 5])).shape).toEqual([2, 60]);
    expect(new Flatten(0).call(F.zeros([2, 3, 4])).shape).toEqual([24]);
    expect(new Flatten(1, 2).call(F.zeros([2, 3, 4, 5])).shape).toEqual([2, 12, 5]);
  });

  it('Identity returns its input', () => {
    const x = F.ones([2]);
    expect(new Identity().call(x)).toBe(x);
  });
});

describe('Sequential', () => {
  it('names children 0, 1, ... and chains them', async () => {
    const s = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
    expect(s.namedChildren().map(([n]) => n)).toEqual(['0', '1', '2']);
    expect(Object.keys(await s.stateDict())).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    expect(s.length).toBe(3);
    expect(s.at(-1)).toBeInstanceOf(Linear);
    expect(s.call(F.zeros([5, 2])).shape).toEqual([5, 1]);
    s.append(new Sigmoid());
    expect(s.namedChildren().map(([n]) => n)).toEqual(['0', '1', '2', '3']);
    // sigmoid(anything) lies in (0, 1)
    for (const v of read(s.call(t([100, -100], [1, 2])))) expect(v > 0 && v < 1).toBe(true);
  });

  it('prints its tree like PyTorch', () => {
    const s = new Sequential(new Linear(2, 3), new ReLU());
    expect(s.toString()).toBe('Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): ReLU()\n)');
  });
});
