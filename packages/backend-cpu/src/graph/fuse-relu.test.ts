import { GraphBuilder, type TensorValue } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { fuseRelu } from './fuse-relu';

const f32 = (shape: number[], values: number[]): TensorValue => ({ dtype: 'float32', shape, data: Float32Array.from(values) });

function builder(): GraphBuilder {
  const g = new GraphBuilder('fuse');
  g.input('x', 'float32', [1, 1, 3, 3]);
  g.initializer('w', f32([1, 1, 1, 1], [2]));
  return g;
}

describe('fuseRelu', () => {
  it('lets a convolution take over the relu after it, output name included', () => {
    const g = builder();
    const c = g.op('conv2d', ['x', 'w'], {}, 'conv');
    g.output(g.op('relu', [c], {}, 'act'));
    const { graph, fused } = fuseRelu(g.build());
    expect(graph.nodes.map((n) => [n.op, n.name, n.outputs])).toEqual([['conv2d', 'conv', ['act:0']]]);
    expect([...fused]).toEqual(['conv']);
  });

  it('fuses relu into add and linear too, not into other ops', () => {
    const g = builder();
    const a = g.op('add', ['x', 'x'], {}, 'sum');
    const r1 = g.op('relu', [a], {}, 'r1');
    const p = g.op('maxPool2d', [r1], { kernelSize: [1, 1] }, 'pool');
    const r2 = g.op('relu', [p], {}, 'r2');
    const f = g.op('flatten', [r2], {}, 'flat');
    g.initializer('lw', f32([2, 9], Array.from({ length: 18 }, (_, i) => i - 9)));
    const l = g.op('linear', [f, 'lw'], {}, 'fc');
    g.output(g.op('relu', [l], {}, 'r3'));
    const { graph, fused } = fuseRelu(g.build());
    expect(graph.nodes.map((n) => n.op)).toEqual(['add', 'maxPool2d', 'relu', 'flatten', 'linear']);
    expect([...fused].sort()).toEqual(['fc', 'sum']);
  });

  it('keeps the relu where the value before it is read elsewhere or is a graph output', () => {
    const g = builder();
    const c = g.op('conv2d', ['x', 'w'], {}, 'conv');
    const r = g.op('relu', [c], {}, 'act');
    const c2 = g.op('conv2d', ['x', 'w'], {}, 'conv2');
    const r2 = g.op('relu', [c2], {}, 'act2');
    g.output(g.op('add', [r, c], {}, 'sum'), r2, c2);
    const { graph, fused } = fuseRelu(g.build());
    expect(graph.nodes.map((n) => n.op)).toEqual(['conv2d', 'relu', 'conv2d', 'relu', 'add']);
    expect(fused.size).toBe(0);
  });
});
