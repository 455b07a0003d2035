import type { NormalizedNode } from '@cnnkit/core';
import { attr } from '../../proto/builders';
import { DATA_TYPE } from '../../proto/enums';
import type { ExportContext } from '../context';

/**
 * Reductions. Empty axes mean every axis in cnnkit and in ONNX (noop_with_empty_axes 0). At
 * opset 17 ReduceSum takes its axes as an input (since 13); ReduceMean and ReduceMax still take
 * an attribute (until 18).
 */
export function convertReduce(node: NormalizedNode<'reduceSum' | 'reduceMean' | 'reduceMax'>, ctx: ExportContext): void {
  const { axes, keepDims } = node.attrs;
  const keep = attr.int('keepdims', keepDims ? 1 : 0);
  if (node.op === 'reduceSum') {
    const inputs = axes.length === 0 ? [node.inputs[0]!] : [node.inputs[0]!, ctx.int64('axes', axes)];
    ctx.emit('ReduceSum', inputs, node.outputs, [keep]);
    return;
  }
  const opType = node.op === 'reduceMean' ? 'ReduceMean' : 'ReduceMax';
  ctx.emit(opType, node.inputs, node.outputs, axes.length === 0 ? [keep] : [attr.ints('axes', axes), keep]);
}

/** argMax → ArgMax (first index on ties: select_last_index 0), whose int64 result is cast to cnnkit's int32. */
export function convertArgMax(node: NormalizedNode<'argMax'>, ctx: ExportContext): void {
  const indices = ctx.temp('argmax_int64');
  ctx.emit('ArgMax', node.inputs, [indices], [attr.int('axis', node.attrs.axis), attr.int('keepdims', node.attrs.keepDims ? 1 : 0), attr.int('select_last_index', 0)]);
  ctx.emit('Cast', [indices], node.outputs, [attr.int('to', DATA_TYPE.INT32)]);
}
