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
import { sliceOp, expandOp } from './slice-expand';
import { logSoftmaxOp, softmaxOp } from './softmax';
import {
  avgPool1dBackwardOp, avgPool2dBackwardOp, batchNormBackwardOp, batchNormTrainingOp, conv1dBackwardFilterOp, conv1dBackwardInputOp,
  conv2dBackwardFilterOp, conv2dBackwardInputOp, gatherBackwardOp, maxPool1dBackwardOp, maxPool2dBackwardOp,
} from './training-ops';
import { absOp, expOp, logOp, negOp, signOp, sqrtOp } from './unary-math';

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
  neg: negOp,
  abs: absOp,
  sign: signOp,
  exp: expOp,
  log: logOp,
  sqrt: sqrtOp,
  slice: sliceOp,
  expand: expandOp,
  batchNormTraining: batchNormTrainingOp,
  batchNormBackward: batchNormBackwardOp,
  conv1dBackwardInput: conv1dBackwardInputOp,
  conv2dBackwardInput: conv2dBackwardInputOp,
  conv1dBackwardFilter: conv1dBackwardFilterOp,
  conv2dBackwardFilter: conv2dBackwardFilterOp,
  maxPool1dBackward: maxPool1dBackwardOp,
  maxPool2dBackward: maxPool2dBackwardOp,
  avgPool1dBackward: avgPool1dBackwardOp,
  avgPool2dBackward: avgPool2dBackwardOp,
  gatherBackward: gatherBackwardOp,
};

/** Ops only training needs; a backend that declares `training` implements these too. */
export const TRAINING_OP_TYPES: readonly OpType[] = [
  'batchNormTraining', 'batchNormBackward', 'conv1dBackwardInput', 'conv2dBackwardInput', 'conv1dBackwardFilter', 'conv2dBackwardFilter',
  'maxPool1dBackward', 'maxPool2dBackward', 'avgPool1dBackward', 'avgPool2dBackward', 'gatherBackward',
];

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
