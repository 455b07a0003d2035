import { describe, expect, it } from 'vitest';
import { FLOAT, attr, floats, importSpec, makeNode, runCpu } from '../../../test/import/onnx-model';

const stats = [floats('s', [2], [2, 1]), floats('b', [2], [0, 1]), floats('m', [2], [1, 0]), floats('v', [2], [4, 1])];

function bn(options: { attrs?: ReturnType<typeof attr.int>[]; outputs?: string[]; graphOutputs?: string[]; opset?: number } = {}) {
  return {
    nodes: [makeNode('BatchNormalization', ['x', 's', 'b', 'm', 'v'], options.outputs ?? ['y'], { name: 'bn', attribute: options.attrs ?? [attr.float('epsilon', 0)] })],
    inputs: [['x', FLOAT, ['N', 2, 2]]] as const,
    outputs: options.graphOutputs ?? ['y'],
    initializers: stats,
    opset: options.opset ?? 15,
  };
}

describe('BatchNormalization', () => {
  it('inference form -> batchNorm with its epsilon; momentum is ignored', async () => {
    const g = importSpec(bn({ attrs: [attr.float('epsilon', 0), attr.float('momentum', 0.9), attr.int('training_mode', 0)] }));
    expect(g.nodes[0]).toMatchObject({ op: 'batchNorm', inputs: ['x', 's', 'b', 'm', 'v'], attrs: { epsilon: 0 } });
    // channel 0: (x - 1) / 2 * 2 + 0 = x - 1; channel 1: (x - 0) / 1 * 1 + 1 = x + 1
    expect((await runCpu(g, { x: { shape: [1, 2, 2], data: [3, 5, 3, 5] } })).y!.data).toEqual([2, 4, 4, 6]);
  });

  it('training_mode 1 and spatial 0 are refused', () => {
    expect(() => importSpec(bn({ attrs: [attr.int('training_mode', 1)] }))).toThrow(/BatchNormalization node 'bn': attribute 'training_mode' is 1 .* expected 0 \(export the model in eval mode\)/);
    expect(() => importSpec(bn({ attrs: [attr.int('spatial', 0)], opset: 7 }))).toThrow(/attribute 'spatial' is 0/);
  });

  it('opset 9 training outputs may be named but not read', () => {
    expect(importSpec(bn({ outputs: ['y', 'mean', 'var'], opset: 9 })).nodes).toHaveLength(1);
    expect(() => importSpec(bn({ outputs: ['y', 'mean', 'var'], graphOutputs: ['y', 'mean'], opset: 9 })))
      .toThrow(/graph output 'mean' is output 1 of BatchNormalization node 'bn', which is imported in inference form/);
  });
});
