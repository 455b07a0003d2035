import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder';
import { parseGraph, serializeGraph } from './serialize';
import { validateGraph } from './validate';

describe('graph JSON', () => {
  it('round-trips structure and exact initializer bits', () => {
    const b = new GraphBuilder('tiny');
    const x = b.input('x', 'float32', ['N', 2]);
    const weights = new Float32Array([0.1, -2.5e-8, 3.4028234663852886e38, NaN, -0, 1 / 3]);
    const y = b.op('linear', [x, b.initializer('fc.weight', { dtype: 'float32', shape: [3, 2], data: weights })], {}, 'fc');
    const g = b.output(b.op('softmax', [y], { axis: 1 })).build();
    const back = validateGraph(parseGraph(serializeGraph(g)));
    expect(back.nodes.map((n) => [n.name, n.op])).toEqual([['fc', 'linear'], ['softmax_0', 'softmax']]);
    const data = back.initializers['fc.weight']!.data;
    expect(new Uint32Array(data.buffer)).toEqual(new Uint32Array(weights.buffer));
    expect(back.inputs).toEqual([{ name: 'x', dtype: 'float32', shape: ['N', 2] }]);
  });
  it('rejects foreign JSON', () => {
    expect(() => parseGraph('{"format":"onnx"}')).toThrow(/format is "onnx"; expected 'cnnkit.graph\/1'/);
  });
});
