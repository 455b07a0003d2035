import { CnnkitError } from '../errors';
import { reluOp, leakyReluOp, sigmoidOp, tanhOp } from './activations';
import type { OpType } from './attributes';
import { conv1dOp, conv2dOp } from './convolution';
import { dropoutOp } from './dropout';
import { addOp, divOp, mulOp, subOp } from './elementwise';
import { gatherOp } from './gather';
import { linearOp, matmulOp } from './linear-algebra';
import { batchNormOp } from './normalization';
import type { OpDef } from './op-def';
import { avgPool1dOp, avgPool2dOp, globalAvgPoolOp, globalMaxPoolOp, maxPool1dOp, maxPool2dOp } from './pooling';
import { argMaxOp, reduceMaxOp, reduceMeanOp, reduceSumOp } from './reductions';
import { concatOp, flattenOp, reshapeOp, transposeOp } from './shape-ops';
import { logSoftmaxOp, softmaxOp } from './softmax';

/** The closed op set, in documentation order. */
export const OP_SET: { readonly [K in OpType]: OpDef<K> } = {
  conv1d: conv1dOp,
  conv2d: conv2dOp,
  maxPool1d: maxPool1dOp,
  maxPool2d: maxPool2dOp,
  avgPool1d: avgPool1dOp,
  avgPool2d: avgPool2dOp,
  globalAvgPool: globalAvgPoolOp,
  globalMaxPool: globalMaxPoolOp,
  batchNorm: batchNormOp,
  matmul: matmulOp,
  linear: linearOp,
  add: addOp,
  sub: subOp,
  mul: mulOp,
  div: divOp,
  relu: reluOp,
  leakyRelu: leakyReluOp,
  sigmoid: sigmoidOp,
  tanh: tanhOp,
  softmax: softmaxOp,
  logSoftmax: logSoftmaxOp,
  reshape: reshapeOp,
  flatten: flattenOp,
  transpose: transposeOp,
  concat: concatOp,
  gather: gatherOp,
  dropout: dropoutOp,
  reduceSum: reduceSumOp,
  reduceMean: reduceMeanOp,
  reduceMax: reduceMaxOp,
  argMax: argMaxOp,
};

export const OP_TYPES = Object.keys(OP_SET) as OpType[];

export function isOpType(value: string): value is OpType {
  return Object.prototype.hasOwnProperty.call(OP_SET, value);
}

export function getOpDef<K extends OpType>(type: K): OpDef<K>;
export function getOpDef(type: string, where?: string): OpDef<OpType>;
export function getOpDef(type: string, where = 'graph'): OpDef<OpType> {
  if (!isOpType(type)) {
    throw new CnnkitError('UNKNOWN_OP', `${where}: unknown op '${type}'; expected one of ${OP_TYPES.join(', ')}`, { op: type });
  }
  return OP_SET[type] as unknown as OpDef<OpType>;
}
