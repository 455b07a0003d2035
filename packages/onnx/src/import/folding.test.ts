// The Shape -> Gather -> Unsqueeze -> Concat -> Reshape patterns exporters write for
// x.view(x.size(0), -1) and friends fold into one static reshape: a symbolic dim kept in place
// becomes 0, one other unknown -1.
import { describe, expect, it } from 'vitest';
import { FLOAT, INT64, attr, floats, importSpec, int64s, makeNode, runCpu } from '../../test/import/onnx-model';

const x = [['x', FLOAT, ['N', 2, 2]]] as const;
const X2 = { shape: [2, 2, 2], data: [1, 2, 3, 4, 5, 6, 7, 8] };

describe('constant folding of shape patterns', () => {
  it(`torch's x.view(x.size(0), -1): reshape [0, -1]`, async () => {
    const g = importSpec({
      nodes: [
        makeNode('Shape', ['x'], ['s']),
        makeNode('Gather', ['s', 'zero'], ['n'], { attribute: [attr.int('axis', 0)] }),
        makeNode('Unsqueeze', ['n', 'axes0'], ['n1']),
        makeNode('Concat', ['n1', 'minus1'], ['target'], { attribute: [attr.int('axis', 0)] }),
        makeNode('Reshape', ['x', 'target'], ['y'], { name: 'view' }),
      ],
      inputs: x,
      outputs: ['y'],
      initializers: [int64s('zero', [], [0]), int64s('axes0', [1], [0]), int64s('minus1', [1], [-1])],
    });
    expect(g.nodes.map((n) => [n.name, n.op, n.attrs])).toEqual([['view', 'reshape', { shape: [0, -1] }]]);
    expect(Object.keys(g.initializers)).toEqual([]);
    expect(g.types.get('y')!.shape).toEqual(['N', 4]);
    expect(await runCpu(g, { x: X2 })).toEqual({ y: { shape: [2, 4], data: X2.data } });
  });

  it('[N, k] from static dims multiplied on the host: reshape [0, 4]', () => {
    const g = importSpec({
      nodes: [
        makeNode('Shape', ['x'], ['s']),
        makeNode('Slice', ['s', 'zero', 'one'], ['n']),
        makeNode('Gather', ['s', 'one_scalar'], ['d1']),
        makeNode('Gather', ['s', 'two_scalar'], ['d2']),
        makeNode('Mul', ['d1', 'd2'], ['k']),
        makeNode('Unsqueeze', ['k'], ['k1'], { attribute: [attr.ints('axes', [0])] }),
        makeNode('Concat', ['n', 'k1'], ['target'], { attribute: [attr.int('axis', 0)] }),
        makeNode('Reshape', ['x', 'target'], ['y']),
      ],
      inputs: x,
      outputs: ['y'],
      initializers: [int64s('zero', [1], [0]), int64s('one', [1], [1]), int64s('one_scalar', [], [1]), int64s('two_scalar', [], [2])],
      opset: 11,
    });
    expect(g.nodes.map((n) => [n.op, n.attrs])).toEqual([['reshape', { shape: [0, 4] }]]);
  });

  it('a run-time size that moves, next to another unknown, cannot be a static reshape', () => {
    expect(() => importSpec({
      nodes: [
        makeNode('Shape', ['x'], ['s']),
        makeNode('Gather', ['s', 'perm'], ['target']),
        makeNode('Reshape', ['x', 'target'], ['y'], { name: 'swap' }),
      ],
      inputs: [['x', FLOAT, ['N', 'M', 2]]],
      outputs: ['y'],
      initializers: [int64s('perm', [3], [1, 0, 2])],
    })).toThrow(/Reshape node 'swap': cannot express target shape \[M, N, 2\] of a value shaped \[N, M, 2\] as a static reshape: entries 0 and 1 are both unknown/);
  });

  it('a shape computed at run time is refused, naming the input', () => {
    expect(() => importSpec({
      nodes: [makeNode('Reshape', ['x', 'shape'], ['y'], { name: 'r' })],
      inputs: [...x, ['shape', INT64, [2]]],
      outputs: ['y'],
    })).toThrow(/Reshape node 'r': input 1 'shape' \(shape\) is computed at run time; expected a constant/);
  });

  it('constants fold through Reshape, Transpose, Concat, Unsqueeze, Cast and arithmetic', async () => {
    const g = importSpec({
      nodes: [
        makeNode('Reshape', ['c', 'shape23'], ['c23']),
        makeNode('Transpose', ['c23'], ['c32'], { attribute: [attr.ints('perm', [1, 0])] }),
        makeNode('Concat', ['c32', 'c32'], ['c62'], { attribute: [attr.int('axis', 0)] }),
        makeNode('Add', ['c62', 'ten'], ['c62b']),
        makeNode('Unsqueeze', ['c62b', 'axes0'], ['c162']),
        makeNode('Add', ['x', 'c162'], ['y']),
      ],
      inputs: [['x', FLOAT, ['N', 6, 2]]],
      outputs: ['y'],
      initializers: [floats('c', [6], [0, 1, 2, 3, 4, 5]), int64s('shape23', [2], [2, -1]), floats('ten', [], [10]), int64s('axes0', [1], [0])],
    });
    expect(g.nodes.map((n) => n.op)).toEqual(['add']);
    // c as [[0, 1, 2], [3, 4, 5]] transposed: [[0, 3], [1, 4], [2, 5]], twice, + 10
    expect(Array.from(g.initializers[g.nodes[0]!.inputs[1]!]!.data)).toEqual([10, 13, 11, 14, 12, 15, 10, 13, 11, 14, 12, 15]);
    expect((await runCpu(g, { x: { shape: [1, 6, 2], data: new Array<number>(12).fill(0) } })).y!.data).toEqual([10, 13, 11, 14, 12, 15, 10, 13, 11, 14, 12, 15]);
  });

  it('Expand: a run-time size in the target that is the input\'s own becomes 1', async () => {
    const g = importSpec({
      nodes: [
        makeNode('Shape', ['x'], ['s']),
        makeNode('Slice', ['s', 'zero', 'one'], ['n']),
        makeNode('Concat', ['n', 'two_two'], ['target'], { attribute: [attr.int('axis', 0)] }),
        makeNode('Expand', ['x', 'target'], ['y'], { name: 'expand' }),
      ],
      inputs: [['x', FLOAT, ['N', 1, 2]]],
      outputs: ['y'],
      initializers: [int64s('zero', [1], [0]), int64s('one', [1], [1]), int64s('two_two', [2], [3, 2])],
    });
    expect(g.nodes.map((n) => [n.op, n.attrs])).toEqual([['expand', { shape: [1, 3, 2] }]]);
    expect((await runCpu(g, { x: { shape: [1, 1, 2], data: [1, 2] } })).y).toEqual({ shape: [1, 3, 2], data: [1, 2, 1, 2, 1, 2] });
  });
});

describe('Flatten, Unsqueeze and Squeeze on run-time values', () => {
  const flatten = (axis: number) => importSpec({ nodes: [makeNode('Flatten', ['x'], ['y'], { attribute: [attr.int('axis', axis)] })], inputs: [['x', FLOAT, ['N', 2, 3]]], outputs: ['y'] });

  it('Flatten keeps 2-D output for every axis', async () => {
    const input = { shape: [1, 2, 3], data: [1, 2, 3, 4, 5, 6] };
    const cases: [number, string[]][] = [[0, ['reshape']], [1, ['flatten']], [2, ['flatten', 'flatten']], [3, ['flatten', 'reshape']], [-1, ['flatten', 'flatten']]];
    for (const [axis, ops] of cases) {
      const g = flatten(axis);
      expect(g.nodes.map((n) => n.op), `axis ${axis}`).toEqual(ops);
      const y = (await runCpu(g, { x: input })).y!;
      expect(y.data).toEqual(input.data);
      expect(y.shape, `axis ${axis}`).toEqual({ 0: [1, 6], 1: [1, 6], 2: [2, 3], 3: [6, 1], [-1]: [2, 3] }[axis]);
    }
  });

  it('Unsqueeze (attribute or input) and Squeeze become reshapes that keep the batch', async () => {
    const un = importSpec({ nodes: [makeNode('Unsqueeze', ['x'], ['y'], { attribute: [attr.ints('axes', [0, 3])] })], inputs: [['x', FLOAT, ['N', 3]]], outputs: ['y'], opset: 11 });
    expect(un.nodes.map((n) => [n.op, n.attrs])).toEqual([['reshape', { shape: [1, -1, 3, 1] }]]);
    expect(un.types.get('y')!.shape).toEqual([1, 'N', 3, 1]);
    const sq = importSpec({ nodes: [makeNode('Squeeze', ['x', 'axes'], ['y'])], inputs: [['x', FLOAT, ['N', 1, 3, 1]]], outputs: ['y'], initializers: [int64s('axes', [2], [1, -1])] });
    expect(sq.nodes.map((n) => [n.op, n.attrs])).toEqual([['reshape', { shape: [0, 3] }]]);
    expect((await runCpu(sq, { x: { shape: [2, 1, 3, 1], data: [1, 2, 3, 4, 5, 6] } })).y!.shape).toEqual([2, 3]);
    expect(() => importSpec({ nodes: [makeNode('Squeeze', ['x', 'axes'], ['y'])], inputs: [['x', FLOAT, ['N', 2]]], outputs: ['y'], initializers: [int64s('axes', [1], [1])] }))
      .toThrow(/squeezes axis 1 of shape \[N, 2\], whose size is 2; expected 1/);
  });
});
