import type { NormalizedNode, OpType } from '@cnnkit/core';
import { attr } from '../../proto/builders';
import type { ExportContext } from '../context';
import type { Converter } from './converter';

/** An op that maps one-to-one onto an ONNX op with the same inputs and no attributes. */
export function direct<K extends OpType>(opType: string): Converter<K> {
  return (node, ctx) => ctx.emit(opType, node.inputs, node.outputs);
}

export function convertLeakyRelu(node: NormalizedNode<'leakyRelu'>, ctx: ExportContext): void {
  ctx.emit('LeakyRelu', node.inputs, node.outputs, [attr.float('alpha', node.attrs.alpha)]);
}

/** softmax / logSoftmax over one axis: opset 13's Softmax and LogSoftmax take exactly that axis. */
export function convertSoftmax(node: NormalizedNode<'softmax' | 'logSoftmax'>, ctx: ExportContext): void {
  ctx.emit(node.op === 'softmax' ? 'Softmax' : 'LogSoftmax', node.inputs, node.outputs, [attr.int('axis', node.attrs.axis)]);
}

/** Inference batch normalisation with running statistics: the inputs are ONNX's order (X, scale, B, mean, var). */
export function convertBatchNorm(node: NormalizedNode<'batchNorm'>, ctx: ExportContext): void {
  ctx.emit('BatchNormalization', node.inputs, node.outputs, [attr.float('epsilon', node.attrs.epsilon)]);
}
