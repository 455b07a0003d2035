import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { FLOAT, attr, floats, importSpec, int64s, makeNode, oneNode, runCpu } from '../../../test/import/onnx-model';

const w12 = floats('w', [1, 1, 2], [1, 1]);

describe('Conv', () => {
  it('1-D SAME_LOWER becomes explicit pads with the odd unit first (static sizes)', async () => {
    const g = importSpec(oneNode('Conv', [1, 1, 4], { extraInputs: ['w'], initializers: [w12], attrs: [attr.string('auto_pad', 'SAME_LOWER')] }));
    expect(g.nodes[0]).toMatchObject({ op: 'conv1d', inputs: ['x', 'w'], attrs: { pads: [1, 0], strides: [1], dilations: [1], groups: 1 } });
    // kernel [1, 1] over [0, 1, 2, 3, 4] (one zero in front): [1, 3, 5, 7]
    expect((await runCpu(g, { x: { shape: [1, 1, 4], data: [1, 2, 3, 4] } })).y!.data).toEqual([1, 3, 5, 7]);
  });

  it('SAME_UPPER maps to same and VALID to valid; NOTSET keeps pads', () => {
    const upper = importSpec(oneNode('Conv', ['N', 1, 4], { extraInputs: ['w'], initializers: [w12], attrs: [attr.string('auto_pad', 'SAME_UPPER')] }));
    expect(upper.nodes[0]!.attrs).toMatchObject({ pads: 'same' });
    const valid = importSpec(oneNode('Conv', ['N', 1, 4], { extraInputs: ['w'], initializers: [w12], attrs: [attr.string('auto_pad', 'VALID')] }));
    expect(valid.nodes[0]!.attrs).toMatchObject({ pads: 'valid' });
    const explicit = importSpec(oneNode('Conv', ['N', 1, 4], { extraInputs: ['w'], initializers: [w12], attrs: [attr.ints('pads', [2, 3]), attr.ints('strides', [2])] }));
    expect(explicit.nodes[0]!.attrs).toMatchObject({ pads: [2, 3], strides: [2] });
  });

  it('SAME_LOWER on a run-time spatial size is refused', () => {
    expect(() => importSpec(oneNode('Conv', [1, 1, 'L'], { extraInputs: ['w'], initializers: [w12], attrs: [attr.string('auto_pad', 'SAME_LOWER')] })))
      .toThrow(/Conv node 'conv_node': input 0 has shape \[1, 1, L\] with run-time spatial sizes; auto_pad SAME_LOWER needs them known/);
  });

  it('2-D with groups, dilations and bias', async () => {
    // Two groups of one channel, 1x1 kernels: channel 0 * 2 + 1, channel 1 * -1 + 0.5.
    const g = importSpec(oneNode('Conv', [1, 2, 1, 2], {
      extraInputs: ['w', 'b'],
      initializers: [floats('w', [2, 1, 1, 1], [2, -1]), floats('b', [2], [1, 0.5])],
      attrs: [attr.int('group', 2), attr.ints('kernel_shape', [1, 1]), attr.ints('dilations', [1, 1])],
    }));
    expect(g.nodes[0]).toMatchObject({ op: 'conv2d', inputs: ['x', 'w', 'b'], attrs: { groups: 2 } });
    expect((await runCpu(g, { x: { shape: [1, 2, 1, 2], data: [1, 2, 3, 4] } })).y!.data).toEqual([3, 5, -2.5, -3.5]);
  });

  it('a zero Pad before it folds into its pads', async () => {
    const g = importSpec({
      nodes: [
        makeNode('Pad', ['x', 'pads'], ['p'], { name: 'pad' }),
        makeNode('Conv', ['p', 'w'], ['y'], { name: 'conv', attribute: [attr.ints('pads', [0, 1])] }),
      ],
      inputs: [['x', FLOAT, ['N', 1, 3]]],
      outputs: ['y'],
      initializers: [int64s('pads', [6], [0, 0, 2, 0, 0, 0]), w12],
    });
    expect(g.nodes).toHaveLength(1);
    expect(g.nodes[0]).toMatchObject({ op: 'conv1d', attrs: { pads: [2, 1] } });
    // [0, 0, 1, 2, 3, 0] with kernel [1, 1]: [0, 1, 3, 5, 3]
    expect((await runCpu(g, { x: { shape: [1, 1, 3], data: [1, 2, 3] } })).y!.data).toEqual([0, 1, 3, 5, 3]);
  });

  it('a padded value read by anything but Conv / AveragePool is refused', () => {
    const e = (() => {
      try {
        importSpec({
          nodes: [makeNode('Pad', ['x', 'pads'], ['p'], { name: 'pad' }), makeNode('Relu', ['p'], ['y'], { name: 'relu' })],
          inputs: [['x', FLOAT, [1, 1, 3]]],
          outputs: ['y'],
          initializers: [int64s('pads', [6], [0, 0, 1, 0, 0, 1])],
        });
      } catch (err) { return err as CnnkitError; }
      throw new Error('no error');
    })();
    expect(e.code).toBe('UNSUPPORTED_OP');
    expect(e.message).toBe(`test.onnx: Relu node 'relu': input 0 'p' is padded by Pad node 'pad', and cnnkit has no pad op; expected that Pad to feed a Conv or an AveragePool (which take it into their own pads)`);
  });

  it('3-D convolutions and a kernel_shape that contradicts the weight are refused', () => {
    expect(() => importSpec(oneNode('Conv', [1, 1, 2, 2, 2], { extraInputs: ['w'], initializers: [floats('w', [1, 1, 1, 1, 1], [1])] })))
      .toThrow(/3 spatial axes\); cnnkit has 1-D and 2-D Conv only/);
    expect(() => importSpec(oneNode('Conv', [1, 1, 4], { extraInputs: ['w'], initializers: [w12], attrs: [attr.ints('kernel_shape', [3])] })))
      .toThrow(/attribute 'kernel_shape' \[3\] disagrees with the weight's spatial dims \[2\]/);
  });

  it('a weight computed at run time is allowed when its shape is static', () => {
    const g = importSpec({
      nodes: [makeNode('Conv', ['x', 'w'], ['y'])],
      inputs: [['x', FLOAT, ['N', 1, 4]], ['w', FLOAT, [1, 1, 2]]],
      outputs: ['y'],
    });
    expect(g.nodes[0]!.inputs).toEqual(['x', 'w']);
  });
});
