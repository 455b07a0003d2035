import type { KernelTable } from '@cnnkit/core';
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

/** One kernel per op, one op per file. */
export const KERNELS: KernelTable = {
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
};
