// Shared by the two helpers building this package: forward kernels live in src/kernels/<op-kebab>.ts,
// training kernels (the *Backward ops and batchNormTraining) in src/kernels/training/<op-kebab>.ts;
// each file exports `<op>Kernel`. Both append an import and a table line below as kernels land.
import type { TfKernelTable } from './tf-kernel';
import { conv1dKernel } from './conv1d';
import { conv2dKernel } from './conv2d';
import { maxPool1dKernel } from './max-pool1d';
import { maxPool2dKernel } from './max-pool2d';
import { avgPool1dKernel } from './avg-pool1d';
import { avgPool2dKernel } from './avg-pool2d';
import { globalAvgPoolKernel } from './global-avg-pool';
import { globalMaxPoolKernel } from './global-max-pool';
import { batchNormKernel } from './batch-norm';
import { matmulKernel } from './matmul';
import { linearKernel } from './linear';
import { addKernel } from './add';
import { subKernel } from './sub';
import { mulKernel } from './mul';
import { divKernel } from './div';
import { reluKernel } from './relu';
import { leakyReluKernel } from './leaky-relu';
import { sigmoidKernel } from './sigmoid';
import { tanhKernel } from './tanh';
import { softmaxKernel } from './softmax';
import { logSoftmaxKernel } from './log-softmax';
import { reshapeKernel } from './reshape';
import { flattenKernel } from './flatten';
import { transposeKernel } from './transpose';
import { concatKernel } from './concat';
import { gatherKernel } from './gather';
import { dropoutKernel } from './dropout';
import { reduceSumKernel } from './reduce-sum';
import { reduceMeanKernel } from './reduce-mean';
import { reduceMaxKernel } from './reduce-max';
import { argMaxKernel } from './arg-max';
import { negKernel } from './neg';
import { absKernel } from './abs';
import { signKernel } from './sign';
import { expKernel } from './exp';
import { logKernel } from './log';
import { sqrtKernel } from './sqrt';
import { sliceKernel } from './slice';
import { expandKernel } from './expand';

import { batchNormTrainingKernel } from './training/batch-norm-training';
import { batchNormBackwardKernel } from './training/batch-norm-backward';
import { conv1dBackwardInputKernel } from './training/conv1d-backward-input';
import { conv2dBackwardInputKernel } from './training/conv2d-backward-input';
import { conv1dBackwardFilterKernel } from './training/conv1d-backward-filter';
import { conv2dBackwardFilterKernel } from './training/conv2d-backward-filter';
import { maxPool1dBackwardKernel } from './training/max-pool1d-backward';
import { maxPool2dBackwardKernel } from './training/max-pool2d-backward';
import { avgPool1dBackwardKernel } from './training/avg-pool1d-backward';
import { avgPool2dBackwardKernel } from './training/avg-pool2d-backward';
import { gatherBackwardKernel } from './training/gather-backward';
/** One kernel per op, one op per file; ops missing here are left out of capabilities.ops. */
export const TF_KERNELS: TfKernelTable = {
  conv1d: conv1dKernel,
  conv2d: conv2dKernel,
  maxPool1d: maxPool1dKernel,
  maxPool2d: maxPool2dKernel,
  avgPool1d: avgPool1dKernel,
  avgPool2d: avgPool2dKernel,
  globalAvgPool: globalAvgPoolKernel,
  globalMaxPool: globalMaxPoolKernel,
  batchNorm: batchNormKernel,
  matmul: matmulKernel,
  linear: linearKernel,
  add: addKernel,
  sub: subKernel,
  mul: mulKernel,
  div: divKernel,
  relu: reluKernel,
  leakyRelu: leakyReluKernel,
  sigmoid: sigmoidKernel,
  tanh: tanhKernel,
  softmax: softmaxKernel,
  logSoftmax: logSoftmaxKernel,
  reshape: reshapeKernel,
  flatten: flattenKernel,
  transpose: transposeKernel,
  concat: concatKernel,
  gather: gatherKernel,
  dropout: dropoutKernel,
  reduceSum: reduceSumKernel,
  reduceMean: reduceMeanKernel,
  reduceMax: reduceMaxKernel,
  argMax: argMaxKernel,
  neg: negKernel,
  abs: absKernel,
  sign: signKernel,
  exp: expKernel,
  log: logKernel,
  sqrt: sqrtKernel,
  slice: sliceKernel,
  expand: expandKernel,
  batchNormTraining: batchNormTrainingKernel,
  batchNormBackward: batchNormBackwardKernel,
  conv1dBackwardInput: conv1dBackwardInputKernel,
  conv2dBackwardInput: conv2dBackwardInputKernel,
  conv1dBackwardFilter: conv1dBackwardFilterKernel,
  conv2dBackwardFilter: conv2dBackwardFilterKernel,
  maxPool1dBackward: maxPool1dBackwardKernel,
  maxPool2dBackward: maxPool2dBackwardKernel,
  avgPool1dBackward: avgPool1dBackwardKernel,
  avgPool2dBackward: avgPool2dBackwardKernel,
  gatherBackward: gatherBackwardKernel,
};
