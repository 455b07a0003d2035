import { describe, expect, it } from 'vitest';
import { CnnkitError } from '../errors';
import type { TensorValue } from '../tensor/tensor';
import { GraphBuilder } from './builder';
import { countMacs } from './macs';

const zeros = (...shape: number[]): TensorValue => ({ dtype: 'float32', shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });

/** LeNet-5 on 28×28 (conv1 pads 2), as the zoo builds it. */
function lenet5(): ReturnType<GraphBuilder['build']> {
  const g = new GraphBuilder('lenet5');
  let h = g.input('x', 'float32', ['N', 1, 28, 28]);
  h = g.op('conv2d', [h, g.initializer('c1.w', zeros(6, 1, 5, 5)), g.initializer('c1.b', zeros(6))], { pads: 2 }, 'conv1');
  h = g.op('maxPool2d', [g.op('relu', [h])], { kernelSize: 2, strides: 2 });
  h = g.op('conv2d', [h, g.initializer('c2.w', zeros(16, 6, 5, 5)), g.initializer('c2.b', zeros(16))], {}, 'conv2');
  h = g.op('flatten', [g.op('maxPool2d', [g.op('relu', [h])], { kernelSize: 2, strides: 2 })]);
  h = g.op('relu', [g.op('linear', [h, g.initializer('f1.w', zeros(120, 400)), g.initializer('f1.b', zeros(120))], {}, 'fc1')]);
  h = g.op('relu', [g.op('linear', [h, g.initializer('f2.w', zeros(84, 120)), g.initializer('f2.b', zeros(84))], {}, 'fc2')]);
  h = g.op('linear', [h, g.initializer('f3.w', zeros(10, 84)), g.initializer('f3.b', zeros(10))], {}, 'fc3');
  return g.output(h).build();
}

describe('countMacs', () => {
  it('LeNet-5: 117,600 + 240,000 + 48,000 + 10,080 + 840 = 416,520 per sample', () => {
    const report = countMacs(lenet5());
    const byNode = Object.fromEntries(report.nodes.filter((n) => n.macs > 0).map((n) => [n.name, n.macs]));
    expect(byNode).toEqual({
      conv1: 28 * 28 * 6 * 25, // 117,600: output 6×28×28, each 1 × 5 × 5
      conv2: 10 * 10 * 16 * 150, // 240,000: output 16×10×10, each 6 × 5 × 5
      fc1: 48_000, // 120 × 400
      fc2: 10_080, // 84 × 120
      fc3: 840, // 10 × 84
    });
    expect(report.total).toBe(416_520);
    expect(report.inputShapes).toEqual({ x: [1, 1, 28, 28] });
    expect(report.nodes.find((n) => n.name === 'conv1')!.outputShape).toEqual([1, 6, 28, 28]);
    expect(report.nodes.filter((n) => n.op === 'relu' || n.op === 'maxPool2d' || n.op === 'flatten').every((n) => n.macs === 0)).toBe(true);
  });

  it('scales with the batch given in inputShapes', () => {
    expect(countMacs(lenet5(), { x: [8, 1, 28, 28] }).total).toBe(8 * 416_520);
  });

  it('conv2d with groups, stride and padding; dilation; conv1d', () => {
    const g = new GraphBuilder('convs');
    const x = g.input('x', 'float32', [1, 4, 6, 6]);
    // out = floor((6 + 2 − 3) / 2) + 1 = 3 -> [1, 6, 3, 3] = 54 outputs, each (4 / 2) × 3 × 3 = 18 MACs -> 972
    const grouped = g.op('conv2d', [x, g.initializer('wg', zeros(6, 2, 3, 3))], { groups: 2, strides: 2, pads: 1 }, 'grouped');
    const y = g.input('y', 'float32', [1, 1, 7, 7]);
    // effective kernel 5 -> out 3×3 = 9 outputs, each 1 × 3 × 3 = 9 MACs -> 81 (dilation adds no MACs)
    const dilated = g.op('conv2d', [y, g.initializer('wd', zeros(1, 1, 3, 3))], { dilations: 2 }, 'dilated');
    const s = g.input('s', 'float32', [2, 3, 10]);
    // out [2, 4, 8] = 64 outputs, each 3 × 3 = 9 MACs -> 576 (the bias adds none)
    const c1 = g.op('conv1d', [s, g.initializer('w1', zeros(4, 3, 3)), g.initializer('b1', zeros(4))], {}, 'c1');
    const report = countMacs(g.output(grouped, dilated, c1).build());
    expect(report.nodes.map((n) => [n.name, n.macs])).toEqual([['grouped', 972], ['dilated', 81], ['c1', 576]]);
    expect(report.total).toBe(972 + 81 + 576);
  });

  it('linear and batched matmul count output elements × K; batch norm, elementwise and activations count 0', () => {
    const g = new GraphBuilder('dense');
    const x = g.input('x', 'float32', ['N', 5]);
    const h = g.op('linear', [x, g.initializer('w', zeros(7, 5))], {}, 'fc'); // 7 outputs × 5 per sample
    const a = g.input('a', 'float32', [2, 3, 4]);
    const m = g.op('matmul', [a, g.initializer('b', zeros(4, 5))], {}, 'mm'); // [2, 3, 5] = 30 outputs × 4 = 120
    const i = g.input('img', 'float32', [1, 2, 3, 3]);
    const bn = g.op('batchNorm', [i, g.initializer('s', zeros(2)), g.initializer('t', zeros(2)), g.initializer('mu', zeros(2)), g.initializer('var', zeros(2))], {}, 'bn');
    const sum = g.op('add', [g.op('relu', [bn], {}, 'act'), i], {}, 'sum');
    const report = countMacs(g.output(h, m, sum).build(), { x: [4, 5] });
    expect(report.nodes.map((n) => [n.name, n.macs])).toEqual([['fc', 140], ['mm', 120], ['bn', 0], ['act', 0], ['sum', 0]]);
    expect(report.total).toBe(260);
  });

  it('names what is wrong with inputShapes', () => {
    const g = lenet5();
    const fails = (shapes: Record<string, number[]>, pattern: RegExp): void => {
      let error: unknown;
      try {
        countMacs(g, shapes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CnnkitError);
      expect((error as CnnkitError).message).toMatch(pattern);
    };
    fails({ images: [1, 1, 28, 28] }, /countMacs\(graph 'lenet5'\): inputShapes names 'images', which is not a graph input; expected one of 'x'/);
    fails({ x: [1, 3, 28, 28] }, /gives 'x' the shape \[1, 3, 28, 28\]; expected a static shape matching \[N, 1, 28, 28\]/);
    fails({ x: [1, 28, 28] }, /expected a static shape matching/);
  });
});
