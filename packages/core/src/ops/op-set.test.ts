import { describe, expect, it } from 'vitest';
import { CnnkitError } from '../errors';
import type { OpType } from './attributes';
import type { TensorType } from './op-def';
import { OP_TYPES, getOpDef } from './op-set';

const f = (...shape: (number | string)[]): TensorType => ({ dtype: 'float32', shape });
const i = (...shape: number[]): TensorType => ({ dtype: 'int32', shape });

function infer(op: OpType, inputs: TensorType[], attrs: Record<string, unknown> = {}): (number | string)[] {
  const def = getOpDef(op);
  const where = `${op} (node 'n')`;
  return [...def.infer(inputs, def.normalize(attrs, where) as never, where)[0]!.shape];
}

function error(fn: () => unknown): CnnkitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CnnkitError) return e;
    throw e;
  }
  throw new Error('expected a CnnkitError');
}

describe('the op set', () => {
  it('is the closed list of DESIGN.md', () => {
    expect(OP_TYPES).toHaveLength(50);
    for (const op of OP_TYPES) expect(getOpDef(op).type).toBe(op);
  });

  it('rejects an unknown op, listing the known ones', () => {
    const e = error(() => getOpDef('conv3d', "node 'c'"));
    expect(e.code).toBe('UNKNOWN_OP');
    expect(e.message).toMatch(/node 'c': unknown op 'conv3d'; expected one of conv1d, conv2d/);
  });
});

describe('shape inference', () => {
  it('conv2d: LeNet and ResNet stems', () => {
    expect(infer('conv2d', [f('N', 1, 28, 28), f(6, 1, 5, 5), f(6)], { pads: 2 })).toEqual(['N', 6, 28, 28]);
    expect(infer('conv2d', [f(1, 3, 224, 224), f(64, 3, 7, 7)], { strides: 2, pads: 3 })).toEqual([1, 64, 112, 112]);
    expect(infer('conv2d', [f(1, 32, 10, 10), f(32, 1, 3, 3)], { groups: 32, pads: 'same' })).toEqual([1, 32, 10, 10]);
    expect(infer('conv2d', [f(1, 1, 10, 10), f(1, 1, 3, 3)], { dilations: 2, pads: [0, 1, 2, 3] })).toEqual([1, 1, 8, 10]);
  });
  it('conv1d: NCL', () => {
    expect(infer('conv1d', [f(2, 300, 50), f(100, 300, 3)])).toEqual([2, 100, 48]);
  });
  it('pooling with ceilMode', () => {
    expect(infer('maxPool2d', [f(1, 64, 112, 112)], { kernelSize: 3, strides: 2, pads: 1 })).toEqual([1, 64, 56, 56]);
    expect(infer('avgPool2d', [f(1, 1, 5, 5)], { kernelSize: 2, ceilMode: true })).toEqual([1, 1, 3, 3]);
    expect(infer('globalAvgPool', [f('N', 512, 7, 7)])).toEqual(['N', 512, 1, 1]);
  });
  it('linear, matmul, broadcasting, reshape, flatten, gather, reductions', () => {
    expect(infer('linear', [f('N', 400), f(120, 400), f(120)])).toEqual(['N', 120]);
    expect(infer('matmul', [f(2, 1, 3, 4), f(5, 4, 6)])).toEqual([2, 5, 3, 6]);
    expect(infer('add', [f(2, 3), f(3)])).toEqual([2, 3]);
    expect(infer('reshape', [f(2, 3, 4)], { shape: [0, -1] })).toEqual([2, 12]);
    expect(infer('reshape', [f('N', 16, 5, 5)], { shape: [-1, 400] })).toEqual(['N', 400]);
    expect(infer('flatten', [f('N', 16, 5, 5)])).toEqual(['N', 400]);
    expect(infer('gather', [f(1000, 64), i(8, 50)])).toEqual([8, 50, 64]);
    expect(infer('reduceMean', [f(2, 3, 4)], { axes: [1, 2], keepDims: true })).toEqual([2, 1, 1]);
    expect(infer('argMax', [f(8, 10)], { axis: 1 })).toEqual([8]);
    expect(infer('concat', [f(1, 2, 4), f(1, 3, 4)], { axis: 1 })).toEqual([1, 5, 4]);
    expect(infer('transpose', [f(1, 3, 4, 5)], { perm: [0, 2, 3, 1] })).toEqual([1, 4, 5, 3]);
  });
});

describe('errors name the op, the shapes given and the shapes expected', () => {
  it('conv2d channel mismatch', () => {
    const e = error(() => infer('conv2d', [f(1, 3, 8, 8), f(8, 4, 3, 3)]));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toContain("conv2d (node 'n')");
    expect(e.message).toContain('[1, 3, 8, 8]');
    expect(e.message).toContain('[8, 4, 3, 3]');
    expect(e.message).toContain('should have 3 input channels per group');
  });
  it('conv2d wrong rank', () => {
    expect(error(() => infer('conv2d', [f(3, 8, 8), f(8, 3, 3, 3)])).message).toMatch(/input 'x' has shape \[3, 8, 8\] \(rank 3\); expected rank 4 \(N, C, H, W\)/);
  });
  it('kernel larger than the padded input', () => {
    expect(error(() => infer('conv2d', [f(1, 1, 3, 3), f(1, 1, 5, 5)])).message).toMatch(/spatial axis 0 of size 3 is too small for kernel 5.*output size would be -1; expected at least 1/);
  });
  it('linear feature mismatch', () => {
    expect(error(() => infer('linear', [f(4, 300), f(120, 400)])).message).toMatch(/x \[4, 300\] has 300 features but weight \[120, 400\] expects 400/);
  });
  it('bad attributes say what was given and what is expected', () => {
    const e = error(() => infer('conv2d', [f(1, 1, 8, 8), f(1, 1, 3, 3)], { strides: [1, 0] }));
    expect(e.code).toBe('INVALID_ATTRIBUTE');
    expect(e.message).toMatch(/attribute 'strides' is \[1,0\]; expected 2 integers >= 1/);
    expect(error(() => infer('conv2d', [f(1, 1, 8, 8), f(1, 1, 3, 3)], { padding: 1 })).message).toMatch(/unknown attribute 'padding'; expected one of strides, pads/);
    expect(error(() => infer('maxPool2d', [f(1, 1, 8, 8)], {})).message).toMatch(/attribute 'kernelSize' is undefined; expected a list of 2 integers \(required\)/);
    expect(error(() => infer('dropout', [f(2)], { ratio: 1 })).message).toMatch(/'ratio' is 1; expected a probability in \[0, 1\)/);
    // Ops without attributes (relu's slope belongs to leakyRelu) reject any, whichever family they are in.
    for (const [op, inputs] of [['relu', [f(2)]], ['add', [f(2), f(2)]], ['globalAvgPool', [f(1, 1, 2, 2)]], ['matmul', [f(2, 2), f(2, 2)]]] as const) {
      expect(error(() => infer(op, [...inputs], { alpha: 0.1 })).message).toMatch(/unknown attribute 'alpha'; expected one of \(none\)/);
    }
  });
  it('pool padding wider than half the window', () => {
    expect(error(() => infer('maxPool2d', [f(1, 1, 8, 8)], { kernelSize: 2, pads: 2 })).message).toMatch(/expected each pad <= 1/);
  });
  it('broadcast failure', () => {
    expect(error(() => infer('add', [f(2, 3), f(4)])).message).toMatch(/shapes \[2, 3\] and \[4\] do not broadcast/);
  });
  it('reshape size mismatch', () => {
    expect(error(() => infer('reshape', [f(2, 3)], { shape: [4, 2] })).message).toMatch(/cannot reshape x \[2, 3\] \(6 values\) to \[4, 2\] \(8 values\)/);
  });
});
