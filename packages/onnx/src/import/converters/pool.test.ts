import { describe, expect, it } from 'vitest';
import { FLOAT, attr, importSpec, int64s, makeNode, oneNode, runCpu } from '../../../test/import/onnx-model';

describe('MaxPool / AveragePool / global pools', () => {
  it('MaxPool: kernel, strides, ceil_mode and dilations carry over; an unread Indices output is fine', async () => {
    const g = importSpec(oneNode('MaxPool', ['N', 1, 5], {
      outputs: ['y', 'indices'],
      attrs: [attr.ints('kernel_shape', [2]), attr.ints('strides', [2]), attr.int('ceil_mode', 1)],
    }));
    expect(g.nodes[0]).toMatchObject({ op: 'maxPool1d', attrs: { kernelSize: [2], strides: [2], ceilMode: true, dilations: [1], pads: [0, 0] } });
    // windows [1, 5], [2, 4], [3] (ceil mode keeps the last, partial one)
    expect((await runCpu(g, { x: { shape: [1, 1, 5], data: [1, 5, 2, 4, 3] } })).y!.data).toEqual([5, 4, 3]);
  });

  it('MaxPool: storage_order 1 is refused; a zero Pad does not fold (padding is -Infinity there)', () => {
    expect(() => importSpec(oneNode('MaxPool', [1, 1, 4], { attrs: [attr.ints('kernel_shape', [2]), attr.int('storage_order', 1)] })))
      .toThrow(/attribute 'storage_order' is 1; expected 0/);
    expect(() => importSpec({
      nodes: [makeNode('Pad', ['x', 'pads'], ['p'], { name: 'pad' }), makeNode('MaxPool', ['p'], ['y'], { name: 'pool', attribute: [attr.ints('kernel_shape', [2])] })],
      inputs: [['x', FLOAT, [1, 1, 4]]],
      outputs: ['y'],
      initializers: [int64s('pads', [6], [0, 0, 1, 0, 0, 1])],
    })).toThrow(/MaxPool node 'pool': input 0 'p' is padded by Pad node 'pad'/);
  });

  it(`AveragePool: ONNX's count_include_pad default (0) is passed, not core's default`, async () => {
    const g = importSpec(oneNode('AveragePool', ['N', 1, 3], { attrs: [attr.ints('kernel_shape', [2]), attr.ints('pads', [1, 1])] }));
    expect(g.nodes[0]).toMatchObject({ op: 'avgPool1d', attrs: { countIncludePad: false, pads: [1, 1] } });
    // ONNX strides default to 1 (core's to the kernel: passed explicitly). Windows [pad, 2],
    // [2, 4], [4, 4], [4, pad] averaged over real values only: 2, 3, 4, 4
    expect(g.nodes[0]!.attrs).toMatchObject({ strides: [1] });
    expect((await runCpu(g, { x: { shape: [1, 1, 3], data: [2, 4, 4] } })).y!.data).toEqual([2, 3, 4, 4]);
  });

  it('AveragePool after a zero Pad: the pads fold in and count (they are zeros the pool sees)', async () => {
    const g = importSpec({
      nodes: [makeNode('Pad', ['x', 'pads'], ['p']), makeNode('AveragePool', ['p'], ['y'], { attribute: [attr.ints('kernel_shape', [2])] })],
      inputs: [['x', FLOAT, ['N', 1, 2]]],
      outputs: ['y'],
      initializers: [int64s('pads', [6], [0, 0, 1, 0, 0, 1])],
    });
    expect(g.nodes).toHaveLength(1);
    expect(g.nodes[0]).toMatchObject({ op: 'avgPool1d', attrs: { pads: [1, 1], countIncludePad: true } });
    // [0, 2, 6, 0] in windows of 2, stride 1, zeros counted: [1, 4, 3]
    expect((await runCpu(g, { x: { shape: [1, 1, 2], data: [2, 6] } })).y!.data).toEqual([1, 4, 3]);
  });

  it('AveragePool refuses dilations other than 1; pools refuse 3-D', () => {
    expect(() => importSpec(oneNode('AveragePool', [1, 1, 4], { attrs: [attr.ints('kernel_shape', [2]), attr.ints('dilations', [2])], opset: 19 })))
      .toThrow(/AveragePool node 'averagepool_node': attribute 'dilations' is \[2\]; cnnkit's AveragePool has no dilation/);
    expect(() => importSpec(oneNode('MaxPool', [1, 1, 2, 2, 2], { attrs: [attr.ints('kernel_shape', [1, 1, 1])] }))).toThrow(/3 spatial axes/);
  });

  it('GlobalAveragePool and GlobalMaxPool keep the spatial axes as 1', async () => {
    for (const [op, expected] of [['GlobalAveragePool', [2.5, 10]], ['GlobalMaxPool', [4, 10]]] as const) {
      const g = importSpec(oneNode(op, ['N', 2, 2, 2]));
      expect(g.types.get('y')!.shape).toEqual(['N', 2, 1, 1]);
      // channel 0: 1..4 (mean 2.5, max 4); channel 1: all 10
      expect((await runCpu(g, { x: { shape: [1, 2, 2, 2], data: [1, 2, 3, 4, 10, 10, 10, 10] } })).y!.data).toEqual(expected);
    }
  });
});
