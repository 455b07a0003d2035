import type { OpType } from '@cnnkit/core';
import type { ConformanceCase } from '../case';
import type { SuiteCase } from '../suite-case';
import type { ModelTrainingCase } from '../training/model-training-case';
import { GRADIENT_CASES } from './gradients';
import { OPTIMIZER_CASES } from './optimizers';
import { MODEL_CASES } from './models';
import { lenet5TrainingCase } from './training/lenet5';
import { conv1dCases } from './ops/conv1d';
import { conv2dCases } from './ops/conv2d';
import { maxPool1dCases } from './ops/max-pool1d';
import { maxPool2dCases } from './ops/max-pool2d';
import { avgPool1dCases } from './ops/avg-pool1d';
import { avgPool2dCases } from './ops/avg-pool2d';
import { globalAvgPoolCases } from './ops/global-avg-pool';
import { globalMaxPoolCases } from './ops/global-max-pool';
import { batchNormCases } from './ops/batch-norm';
import { matmulCases } from './ops/matmul';
import { linearCases } from './ops/linear';
import { addCases } from './ops/add';
import { subCases } from './ops/sub';
import { mulCases } from './ops/mul';
import { divCases } from './ops/div';
import { reluCases } from './ops/relu';
import { leakyReluCases } from './ops/leaky-relu';
import { sigmoidCases } from './ops/sigmoid';
import { tanhCases } from './ops/tanh';
import { softmaxCases } from './ops/softmax';
import { logSoftmaxCases } from './ops/log-softmax';
import { reshapeCases } from './ops/reshape';
import { flattenCases } from './ops/flatten';
import { transposeCases } from './ops/transpose';
import { concatCases } from './ops/concat';
import { gatherCases } from './ops/gather';
import { dropoutCases } from './ops/dropout';
import { reduceSumCases } from './ops/reduce-sum';
import { reduceMeanCases } from './ops/reduce-mean';
import { reduceMaxCases } from './ops/reduce-max';
import { argMaxCases } from './ops/arg-max';
import { negCases } from './ops/neg';
import { absCases } from './ops/abs';
import { signCases } from './ops/sign';
import { expCases } from './ops/exp';
import { logCases } from './ops/log';
import { sqrtCases } from './ops/sqrt';
import { sliceCases } from './ops/slice';
import { expandCases } from './ops/expand';
import { batchNormTrainingCases } from './ops/batch-norm-training';
import { batchNormBackwardCases } from './ops/batch-norm-backward';
import { conv1dBackwardInputCases } from './ops/conv1d-backward-input';
import { conv2dBackwardInputCases } from './ops/conv2d-backward-input';
import { conv1dBackwardFilterCases } from './ops/conv1d-backward-filter';
import { conv2dBackwardFilterCases } from './ops/conv2d-backward-filter';
import { maxPool1dBackwardCases } from './ops/max-pool1d-backward';
import { maxPool2dBackwardCases } from './ops/max-pool2d-backward';
import { avgPool1dBackwardCases } from './ops/avg-pool1d-backward';
import { avgPool2dBackwardCases } from './ops/avg-pool2d-backward';
import { gatherBackwardCases } from './ops/gather-backward';

/** The op-level cases, one file per op (hand-worked values first, then PyTorch goldens). */
export const OP_CASES: { readonly [K in OpType]: readonly ConformanceCase[] } = {
  conv1d: conv1dCases,
  conv2d: conv2dCases,
  maxPool1d: maxPool1dCases,
  maxPool2d: maxPool2dCases,
  avgPool1d: avgPool1dCases,
  avgPool2d: avgPool2dCases,
  globalAvgPool: globalAvgPoolCases,
  globalMaxPool: globalMaxPoolCases,
  batchNorm: batchNormCases,
  matmul: matmulCases,
  linear: linearCases,
  add: addCases,
  sub: subCases,
  mul: mulCases,
  div: divCases,
  relu: reluCases,
  leakyRelu: leakyReluCases,
  sigmoid: sigmoidCases,
  tanh: tanhCases,
  softmax: softmaxCases,
  logSoftmax: logSoftmaxCases,
  reshape: reshapeCases,
  flatten: flattenCases,
  transpose: transposeCases,
  concat: concatCases,
  gather: gatherCases,
  dropout: dropoutCases,
  reduceSum: reduceSumCases,
  reduceMean: reduceMeanCases,
  reduceMax: reduceMaxCases,
  argMax: argMaxCases,
  neg: negCases,
  abs: absCases,
  sign: signCases,
  exp: expCases,
  log: logCases,
  sqrt: sqrtCases,
  slice: sliceCases,
  expand: expandCases,
  batchNormTraining: batchNormTrainingCases,
  batchNormBackward: batchNormBackwardCases,
  conv1dBackwardInput: conv1dBackwardInputCases,
  conv2dBackwardInput: conv2dBackwardInputCases,
  conv1dBackwardFilter: conv1dBackwardFilterCases,
  conv2dBackwardFilter: conv2dBackwardFilterCases,
  maxPool1dBackward: maxPool1dBackwardCases,
  maxPool2dBackward: maxPool2dBackwardCases,
  avgPool1dBackward: avgPool1dBackwardCases,
  avgPool2dBackward: avgPool2dBackwardCases,
  gatherBackward: gatherBackwardCases,
};

/** Whole models trained for a few steps: the loss must go down. */
export const MODEL_TRAINING_CASES: readonly ModelTrainingCase[] = [lenet5TrainingCase];

export { MODEL_CASES };

/** Every case, in the order the suite runs them: forward op cases, zoo models, then gradient cases, optimizer steps and training runs. */
export const ALL_CASES: readonly SuiteCase[] = [
  ...Object.values(OP_CASES).flat(), ...MODEL_CASES, ...GRADIENT_CASES, ...OPTIMIZER_CASES, ...MODEL_TRAINING_CASES,
];
