import type { NormalizedNode } from '@cnnkit/core';
import { attr } from '../../proto/builders';
import type { ExportContext } from '../context';

export function convertMatmul(node: NormalizedNode<'matmul'>, ctx: ExportContext): void {
  ctx.emit('MatMul', node.inputs, node.outputs);
}

/**
 * linear (y = x · Wᵀ + b, W [out, in]) → Gemm(transB = 1) for a 2-D x, as torch.onnx does;
 * otherwise MatMul(x, Transpose(W)) (+ Add b). The weight is transposed by a node rather than
 * copied into a transposed initializer, so it keeps its state-dict name and may be a graph input
 * (runtimes fold the Transpose of a constant once).
 */
export function convertLinear(node: NormalizedNode<'linear'>, ctx: ExportContext): void {
  const [x, w, b] = node.inputs as [string, string, string?];
  const y = node.outputs[0]!;
  if (ctx.typeOf(x).shape.length === 2) {
    ctx.emit('Gemm', b === undefined ? [x, w] : [x, w, b], [y], [attr.int('transB', 1)]);
    return;
  }
  const wt = ctx.temp('weight_transposed');
  ctx.emit('Transpose', [w], [wt], [attr.ints('perm', [1, 0])]);
  if (b === undefined) {
    ctx.emit('MatMul', [x, wt], [y]);
    return;
  }
  const product = ctx.temp('matmul');
  ctx.emit('MatMul', [x, wt], [product]);
  ctx.emit('Add', [product, b], [y]);
}
