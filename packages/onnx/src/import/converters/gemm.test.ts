import { describe, expect, it } from 'vitest';
import { FLOAT, attr, floats, importSpec, makeNode, runCpu } from '../../../test/import/onnx-model';

// A = [[1, 2], [3, 4]], B = [[1, 1], [0, 2], [-1, 0]] (N = 3 rows of K = 2: transB form), C = [0.5, 0, -1].
// A @ B^T = [[3, 4, -1], [7, 8, -3]].
const A = { shape: [2, 2], data: [1, 2, 3, 4] };
const B = floats('B', [3, 2], [1, 1, 0, 2, -1, 0]);
const Bt = floats('Bt', [2, 3], [1, 0, -1, 1, 2, 0]);
const C = floats('C', [3], [0.5, 0, -1]);

function gemm(inputs: string[], attrs: ReturnType<typeof attr.int>[], initializers = [B, C], graphInputs: [string, number, (number | string)[]][] = [['A', FLOAT, ['M', 2]]]) {
  return importSpec({ nodes: [makeNode('Gemm', inputs, ['y'], { name: 'fc', attribute: attrs })], inputs: graphInputs, outputs: ['y'], initializers });
}

describe('Gemm', () => {
  it(`nn.Linear's form (transB = 1, C of N values) is linear with the exporter's initializers`, async () => {
    const g = gemm(['A', 'B', 'C'], [attr.float('alpha', 1), attr.float('beta', 1), attr.int('transB', 1)]);
    expect(g.nodes.map((n) => [n.op, n.inputs])).toEqual([['linear', ['A', 'B', 'C']]]);
    expect((await runCpu(g, { A })).y!.data).toEqual([3.5, 4, -2, 7.5, 8, -4]);
  });

  it('transB = 0 with a constant B: the weight is transposed on the host', async () => {
    const g = gemm(['A', 'Bt', 'C'], [], [Bt, C]);
    expect(g.nodes.map((n) => [n.op, n.inputs])).toEqual([['linear', ['A', 'Bt_transposed', 'C']]]);
    expect(g.initializers.Bt_transposed!.data).toEqual(B.floatData);
    expect(Object.keys(g.initializers)).not.toContain('Bt');
    expect((await runCpu(g, { A })).y!.data).toEqual([3.5, 4, -2, 7.5, 8, -4]);
  });

  it('beta != 1 with a [1, N] C folds beta * C into the bias', async () => {
    const g = gemm(['A', 'B', 'C2'], [attr.int('transB', 1), attr.float('beta', 2)], [B, floats('C2', [1, 3], [0.5, 0, -1])]);
    expect(g.nodes.map((n) => n.op)).toEqual(['linear']);
    expect(Array.from(g.initializers.C2_bias!.data)).toEqual([1, 0, -2]);
    // [3, 4, -1] + [1, 0, -2], [7, 8, -3] + [1, 0, -2]
    expect((await runCpu(g, { A })).y!.data).toEqual([4, 4, -3, 8, 8, -5]);
  });

  it('alpha != 1: linear, then * alpha, then + beta * C', async () => {
    const g = gemm(['A', 'B', 'C'], [attr.int('transB', 1), attr.float('alpha', 2), attr.float('beta', 0.5)]);
    expect(g.nodes.map((n) => n.op)).toEqual(['linear', 'mul', 'add']);
    // 2 * [3, 4, -1] + [0.25, 0, -0.5]; 2 * [7, 8, -3] + [0.25, 0, -0.5]
    expect((await runCpu(g, { A })).y!.data).toEqual([6.25, 8, -2.5, 14.25, 16, -6.5]);
  });

  it('a run-time B and transA: transpose, matmul, add', async () => {
    const g = gemm(['At', 'Bt', 'C'], [attr.int('transA', 1)], [C], [['At', FLOAT, [2, 2]], ['Bt', FLOAT, [2, 3]]]);
    expect(g.nodes.map((n) => n.op)).toEqual(['transpose', 'matmul', 'add']);
    // At = A^T
    const out = await runCpu(g, { At: { shape: [2, 2], data: [1, 3, 2, 4] }, Bt: { shape: [2, 3], data: Array.from(Bt.floatData) } });
    expect(out.y!.data).toEqual([3.5, 4, -2, 7.5, 8, -4]);
  });

  it('a matrix or scalar C is added as it is; no C means no add', async () => {
    const matrix = gemm(['A', 'B', 'CM'], [attr.int('transB', 1)], [B, floats('CM', [2, 3], [1, 1, 1, 2, 2, 2])]);
    expect(matrix.nodes.map((n) => n.op)).toEqual(['linear', 'add']);
    expect((await runCpu(matrix, { A })).y!.data).toEqual([4, 5, 0, 9, 10, -1]);
    const scalar = gemm(['A', 'B', 'CS'], [attr.int('transB', 1)], [B, floats('CS', [], [10])]);
    expect(scalar.nodes.map((n) => n.op)).toEqual(['linear', 'add']);
    expect((await runCpu(scalar, { A })).y!.data).toEqual([13, 14, 9, 17, 18, 7]);
    const none = gemm(['A', 'B'], [attr.int('transB', 1)], [B]);
    expect(none.nodes.map((n) => n.op)).toEqual(['linear']);
    expect(none.types.get('y')!.shape).toEqual(['M', 3]);
  });
});
