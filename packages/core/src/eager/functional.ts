import type { AttrsInput, OpType } from '../ops/attributes';
import { type DType, allocate } from '../tensor/dtype';
import { type StaticShape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { engine } from './engine';

/**
 * The op set as functions over eager tensors, like torch.nn.functional: each call runs one
 * kernel on the tensors' backend and is recorded by any active gradient tape.
 */
function one<K extends OpType>(op: K, inputs: readonly Tensor[], attrs?: AttrsInput<K>): Tensor {
  return engine.runOp(op, inputs, attrs)[0]!;
}

const withBias = (x: Tensor, w: Tensor, b?: Tensor): Tensor[] => (b ? [x, w, b] : [x, w]);

export const conv1d = (x: Tensor, w: Tensor, b?: Tensor, attrs?: AttrsInput<'conv1d'>): Tensor => one('conv1d', withBias(x, w, b), attrs);
export const conv2d = (x: Tensor, w: Tensor, b?: Tensor, attrs?: AttrsInput<'conv2d'>): Tensor => one('conv2d', withBias(x, w, b), attrs);
export const maxPool1d = (x: Tensor, attrs: AttrsInput<'maxPool1d'>): Tensor => one('maxPool1d', [x], attrs);
export const maxPool2d = (x: Tensor, attrs: AttrsInput<'maxPool2d'>): Tensor => one('maxPool2d', [x], attrs);
export const avgPool1d = (x: Tensor, attrs: AttrsInput<'avgPool1d'>): Tensor => one('avgPool1d', [x], attrs);
export const avgPool2d = (x: Tensor, attrs: AttrsInput<'avgPool2d'>): Tensor => one('avgPool2d', [x], attrs);
export const globalAvgPool = (x: Tensor): Tensor => one('globalAvgPool', [x]);
export const globalMaxPool = (x: Tensor): Tensor => one('globalMaxPool', [x]);
export const batchNorm = (x: Tensor, scale: Tensor, bias: Tensor, mean: Tensor, variance: Tensor, attrs?: AttrsInput<'batchNorm'>): Tensor =>
  one('batchNorm', [x, scale, bias, mean, variance], attrs);
/** Training-mode batch norm: returns y with the batch mean and biased batch variance. */
export function batchNormTraining(x: Tensor, scale: Tensor, bias: Tensor, attrs?: AttrsInput<'batchNormTraining'>): { y: Tensor; mean: Tensor; variance: Tensor } {
  const [y, mean, variance] = engine.runOp('batchNormTraining', [x, scale, bias], attrs);
  return { y: y!, mean: mean!, variance: variance! };
}
export const matmul = (a: Tensor, b: Tensor): Tensor => one('matmul', [a, b]);
export const linear = (x: Tensor, w: Tensor, b?: Tensor): Tensor => one('linear', withBias(x, w, b));
export const add = (a: Tensor, b: Tensor): Tensor => one('add', [a, b]);
export const sub = (a: Tensor, b: Tensor): Tensor => one('sub', [a, b]);
export const mul = (a: Tensor, b: Tensor): Tensor => one('mul', [a, b]);
export const div = (a: Tensor, b: Tensor): Tensor => one('div', [a, b]);
export const relu = (x: Tensor): Tensor => one('relu', [x]);
export const leakyRelu = (x: Tensor, alpha?: number): Tensor => one('leakyRelu', [x], alpha === undefined ? {} : { alpha });
export const sigmoid = (x: Tensor): Tensor => one('sigmoid', [x]);
export const tanh = (x: Tensor): Tensor => one('tanh', [x]);
export const softmax = (x: Tensor, axis = -1): Tensor => one('softmax', [x], { axis });
export const logSoftmax = (x: Tensor, axis = -1): Tensor => one('logSoftmax', [x], { axis });
export const reshape = (x: Tensor, shape: readonly number[]): Tensor => one('reshape', [x], { shape });
export const flatten = (x: Tensor, startDim = 1, endDim = -1): Tensor => one('flatten', [x], { startDim, endDim });
export const transpose = (x: Tensor, perm: readonly number[]): Tensor => one('transpose', [x], { perm });
export const concat = (xs: readonly Tensor[], axis = 0): Tensor => one('concat', xs, { axis });
export const gather = (data: Tensor, indices: Tensor, axis = 0): Tensor => one('gather', [data, indices], { axis });
export const dropout = (x: Tensor, attrs: AttrsInput<'dropout'>): Tensor => one('dropout', [x], attrs);
export const reduceSum = (x: Tensor, axes: readonly number[] = [], keepDims = false): Tensor => one('reduceSum', [x], { axes, keepDims });
export const reduceMean = (x: Tensor, axes: readonly number[] = [], keepDims = false): Tensor => one('reduceMean', [x], { axes, keepDims });
export const reduceMax = (x: Tensor, axes: readonly number[] = [], keepDims = false): Tensor => one('reduceMax', [x], { axes, keepDims });
export const argMax = (x: Tensor, axis = -1, keepDims = false): Tensor => one('argMax', [x], { axis, keepDims });
export const neg = (x: Tensor): Tensor => one('neg', [x]);
export const abs = (x: Tensor): Tensor => one('abs', [x]);
export const sign = (x: Tensor): Tensor => one('sign', [x]);
export const exp = (x: Tensor): Tensor => one('exp', [x]);
export const log = (x: Tensor): Tensor => one('log', [x]);
export const sqrt = (x: Tensor): Tensor => one('sqrt', [x]);
export const slice = (x: Tensor, starts: readonly number[], ends: readonly number[], axes?: readonly number[]): Tensor =>
  one('slice', [x], axes ? { starts, ends, axes } : { starts, ends });
export const expand = (x: Tensor, shape: readonly number[]): Tensor => one('expand', [x], { shape });

/** A tensor of the given values on the current eager backend. */
export function tensor(values: ArrayLike<number>, shape: StaticShape, dtype: DType = 'float32'): Tensor {
  const data = allocate(dtype, sizeOf(shape));
  data.set(values);
  return engine.upload({ dtype, shape, data });
}

export function full(shape: StaticShape, value: number, dtype: DType = 'float32'): Tensor {
  const data = allocate(dtype, sizeOf(shape));
  data.fill(value);
  return engine.upload({ dtype, shape, data });
}

export const zeros = (shape: StaticShape, dtype: DType = 'float32'): Tensor => full(shape, 0, dtype);
export const ones = (shape: StaticShape, dtype: DType = 'float32'): Tensor => full(shape, 1, dtype);
/** A rank-0 tensor: broadcasts against anything. */
export const scalar = (value: number, dtype: DType = 'float32'): Tensor => full([], value, dtype);
