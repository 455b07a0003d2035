import { describe, expect, it } from 'vitest';
import { CnnkitError } from '../errors';
import type { AnyGraphNode, Graph } from './graph';
import { validateGraph } from './validate';

const w = { dtype: 'float32' as const, shape: [4, 3], data: new Float32Array(12) };

function graph(nodes: AnyGraphNode[], outputs = ['y']): Graph {
  return { name: 'g', inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 3] }], outputs, initializers: { w }, nodes };
}

function fails(g: Graph, code: string, pattern: RegExp): void {
  try {
    validateGraph(g);
  } catch (e) {
    expect(e).toBeInstanceOf(CnnkitError);
    expect((e as CnnkitError).code).toBe(code);
    expect((e as CnnkitError).message).toMatch(pattern);
    return;
  }
  throw new Error('expected validateGraph to throw');
}

describe('validateGraph', () => {
  it('orders nodes, fills attribute defaults and types every value', () => {
    const g = validateGraph(graph([
      { name: 'act', op: 'relu', inputs: ['h'], outputs: ['y'], attrs: {} },
      { name: 'fc', op: 'linear', inputs: ['x', 'w'], outputs: ['h'], attrs: {} },
    ]));
    expect(g.nodes.map((n) => n.name)).toEqual(['fc', 'act']);
    expect(g.types.get('y')).toEqual({ dtype: 'float32', shape: ['N', 4] });
    const conv = validateGraph({
      name: 'c', inputs: [{ name: 'x', dtype: 'float32', shape: [1, 1, 4, 4] }], outputs: ['y'],
      initializers: { k: { dtype: 'float32', shape: [1, 1, 3, 3], data: new Float32Array(9) } },
      nodes: [{ name: 'conv', op: 'conv2d', inputs: ['x', 'k'], outputs: ['y'], attrs: { strides: 2 } }],
    });
    expect(conv.nodes[0]!.attrs).toEqual({ strides: [2, 2], pads: 'valid', dilations: [1, 1], groups: 1, paddingMode: 'zeros' });
  });

  it('names an undefined input', () => {
    fails(graph([{ name: 'act', op: 'relu', inputs: ['nope'], outputs: ['y'], attrs: {} }]), 'INVALID_GRAPH', /relu \(node 'act' in graph 'g'\) reads undefined value\(s\) 'nope'/);
  });
  it('detects a cycle', () => {
    fails(graph([
      { name: 'a', op: 'relu', inputs: ['b_out'], outputs: ['a_out'], attrs: {} },
      { name: 'b', op: 'relu', inputs: ['a_out'], outputs: ['b_out'], attrs: {} },
    ], ['a_out']), 'INVALID_GRAPH', /form a cycle/);
  });
  it('rejects duplicate value names', () => {
    fails(graph([{ name: 'a', op: 'relu', inputs: ['x'], outputs: ['w'], attrs: {} }], ['w']), 'INVALID_GRAPH', /value 'w' is defined twice/);
  });
  it('rejects an unknown op and a wrong arity', () => {
    fails(graph([{ name: 'a', op: 'swish', inputs: ['x'], outputs: ['y'], attrs: {} } as unknown as AnyGraphNode]), 'UNKNOWN_OP', /unknown op 'swish'/);
    fails(graph([{ name: 'a', op: 'linear', inputs: ['x'], outputs: ['y'], attrs: {} }]), 'INVALID_GRAPH', /given 1 inputs \(x\); expected \(x, weight, bias\?\)/);
  });
  it('rejects a wrong dtype', () => {
    const g: Graph = { ...graph([{ name: 'e', op: 'gather', inputs: ['w', 'x'], outputs: ['y'], attrs: {} }]) };
    fails(g, 'DTYPE_MISMATCH', /input 'indices' \(x\) is float32; expected int32/);
  });
  it('rejects a missing output and an initializer of the wrong size', () => {
    fails(graph([{ name: 'a', op: 'relu', inputs: ['x'], outputs: ['y'], attrs: {} }], ['z']), 'INVALID_GRAPH', /output 'z' is not produced/);
    fails({ ...graph([]), outputs: ['x'], initializers: { w: { ...w, data: new Float32Array(5) } } }, 'SHAPE_MISMATCH', /initializer 'w': has 5 values; expected 12/);
  });
});
