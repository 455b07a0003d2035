import { readFileSync } from 'node:fs';
import { CifarBasicBlock, F, type TensorValue, init, noGrad } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, read, t, useCpu } from '../training/layers/helpers';

beforeAll(useCpu);

/**
 * A block whose residual branch is a constant: both convs 0, so bn1 gives its bias 0, relu 0,
 * conv2 0, and eval-mode bn2 gives (0 − 0) / √(1 + eps) · 1 + bias = bias. The output is then
 * relu(bn2.bias[c] + shortcut[c]), which shows the shortcut alone.
 */
function constantResidualBlock(inPlanes: number, planes: number, stride: number, bias: readonly number[]): CifarBasicBlock {
  const block = new CifarBasicBlock(inPlanes, planes, { stride });
  init.zeros(block.conv1.weight);
  init.zeros(block.conv2.weight);
  block.bn2.bias!.assign(F.tensor(bias, [planes]));
  return block.eval();
}

describe('CIFAR option-A shortcut (hand-worked)', () => {
  it('1 → 2 channels, stride 2 on 4×4: x[::2, ::2] in channel 0, zeros in channel 1', () => {
    const block = constantResidualBlock(1, 2, 2, [0.5, 0.25]);
    const x = t([
      1, -2, 3, 4,
      5, 6, 7, 8,
      9, 10, -11, 12,
      13, 14, 15, 16,
    ], [1, 1, 4, 4]);
    const y = noGrad(() => block.call(x));
    expect(y.shape).toEqual([1, 2, 2, 2]);
    // x[::2, ::2] = [1, 3, 9, −11]; channel 0: relu(0.5 + that) = [1.5, 3.5, 9.5, 0];
    // channel 1: relu(0.25 + 0) everywhere.
    expect(read(y)).toEqual([1.5, 3.5, 9.5, 0, 0.25, 0.25, 0.25, 0.25]);
  });

  it('an odd side keeps the first and last pixel: 5×5 → rows and columns 0, 2, 4', () => {
    const block = constantResidualBlock(1, 3, 2, [0, -1, 2]);
    const x = t(Array.from({ length: 25 }, (_, i) => i), [1, 1, 5, 5]);
    const y = noGrad(() => block.call(x));
    expect(y.shape).toEqual([1, 3, 3, 3]);
    // x[r][c] = 5r + c at r, c in {0, 2, 4}; channel 1: relu(−1) = 0; channel 2: relu(2) = 2.
    expect(read(y)).toEqual([0, 2, 4, 10, 12, 14, 20, 22, 24, ...new Array(9).fill(0), ...new Array(9).fill(2)]);
  });

  it('the same width at stride 1 adds x itself', () => {
    const block = constantResidualBlock(2, 2, 1, [1, -10]);
    const y = noGrad(() => block.call(t([1, -2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2])));
    // relu(1 + [1, −2, 3, 4]), relu(−10 + [5, 6, 7, 8]).
    expect(read(y)).toEqual([2, 0, 4, 5, 0, 0, 0, 0]);
  });

  it('has no shortcut parameters and refuses to narrow', () => {
    expect(new CifarBasicBlock(16, 32, { stride: 2 }).namedParameters().map(([k]) => k))
      .toEqual(['conv1.weight', 'bn1.weight', 'bn1.bias', 'conv2.weight', 'bn2.weight', 'bn2.bias']);
    expect(() => new CifarBasicBlock(32, 16)).toThrow('CifarBasicBlock(32, 16): planes 16 < inPlanes 32; expected planes >= inPlanes (the zero-padding shortcut only adds channels)');
  });
});

interface BlockCase {
  readonly name: string;
  readonly inPlanes: number;
  readonly planes: number;
  readonly stride: number;
  readonly state: Record<string, { shape: number[]; values: number[] }>;
  readonly inputShape: number[];
  readonly x: number[];
  readonly outputShape: number[];
  readonly y: number[];
}

const golden = JSON.parse(readFileSync(new URL('./fixtures/cifar_block.json', import.meta.url), 'utf8')) as { cases: BlockCase[] };

describe('CifarBasicBlock against a plain-torch option-A block (fixtures/cifar_block.py)', () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const block = new CifarBasicBlock(c.inPlanes, c.planes, { stride: c.stride });
      const state: Record<string, TensorValue> = {};
      for (const [key, v] of Object.entries(c.state)) state[key] = { dtype: 'float32', shape: v.shape, data: Float32Array.from(v.values) };
      const report = block.loadStateDict(state, { strict: false });
      expect([...report.loaded].sort()).toEqual(Object.keys(c.state).sort());
      const y = noGrad(() => block.eval().call(t(c.x, c.inputShape)));
      expect(y.shape).toEqual(c.outputShape);
      expectClose(read(y), c.y, 1e-5);
    });
  }
});
