import type { NodeContext } from '../node-context';

/**
 * ReduceSum / ReduceMean / ReduceMax: axes from the attribute or (ReduceSum from opset 13, the
 * others from 18) input 1; keepdims defaults to 1. No axes reduces everything, unless
 * noop_with_empty_axes makes the op the identity.
 */
function reduce(op: 'reduceSum' | 'reduceMean' | 'reduceMax') {
  return (n: NodeContext): void => {
    n.attrs.expectOnly(['axes', 'keepdims', 'noop_with_empty_axes']);
    const axes = n.has(1) ? n.ints(1, 'axes') : n.attrs.ints('axes', []);
    const keepDims = n.attrs.flag('keepdims', true);
    const x = n.runtime(0);
    if (axes.length === 0 && n.attrs.flag('noop_with_empty_axes', false)) {
      n.define(0, x);
      return;
    }
    n.emit(op, [x], { axes, keepDims }, 0);
  };
}

export const convertReduceSum = reduce('reduceSum');
export const convertReduceMean = reduce('reduceMean');
export const convertReduceMax = reduce('reduceMax');

/** ArgMax -> int32 argMax (ONNX's is int64); the first index on ties only. */
export function convertArgMax(n: NodeContext): void {
  n.attrs.expectOnly(['axis', 'keepdims', 'select_last_index']);
  if (n.attrs.flag('select_last_index', false)) throw n.unsupported(`attribute 'select_last_index' is 1; cnnkit's argMax returns the first index on ties (expected 0)`);
  n.emit('argMax', [n.runtime(0)], { axis: n.attrs.int('axis', 0), keepDims: n.attrs.flag('keepdims', true) }, 0);
}
