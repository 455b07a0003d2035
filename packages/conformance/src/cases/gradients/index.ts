import type { OpType } from '@cnnkit/core';
import type { GradientCase } from '../../training/gradient-case';
import { conv1dGradientCases } from './conv1d';
import { conv2dGradientCases } from './conv2d';
import { maxPool1dGradientCases } from './max-pool1d';
import { maxPool2dGradientCases } from './max-pool2d';
import { avgPool1dGradientCases } from './avg-pool1d';
import { avgPool2dGradientCases } from './avg-pool2d';
import { globalAvgPoolGradientCases } from './global-avg-pool';
import { globalMaxPoolGradientCases } from './global-max-pool';
import { batchNormGradientCases } from './batch-norm';
import { batchNormTrainingGradientCases } from './batch-norm-training';
import { matmulGradientCases } from './matmul';
import { linearGradientCases } from './linear';
import { addGradientCases } from './add';
import { subGradientCases } from './sub';
import { mulGradientCases } from './mul';
import { divGradientCases } from './div';
import { reluGradientCases } from './relu';
import { leakyReluGradientCases } from './leaky-relu';
import { sigmoidGradientCases } from './sigmoid';
import { tanhGradientCases } from './tanh';
import { softmaxGradientCases } from './softmax';
import { logSoftmaxGradientCases } from './log-softmax';
import { reshapeGradientCases } from './reshape';
import { flattenGradientCases } from './flatten';
import { transposeGradientCases } from './transpose';
import { concatGradientCases } from './concat';
import { gatherGradientCases } from './gather';
import { dropoutGradientCases } from './dropout';
import { reduceSumGradientCases } from './reduce-sum';
import { reduceMeanGradientCases } from './reduce-mean';
import { reduceMaxGradientCases } from './reduce-max';
import { negGradientCases } from './neg';
import { absGradientCases } from './abs';
import { signGradientCases } from './sign';
import { expGradientCases } from './exp';
import { logGradientCases } from './log';
import { sqrtGradientCases } from './sqrt';
import { sliceGradientCases } from './slice';
import { expandGradientCases } from './expand';

/**
 * The gradient cases, one file per differentiable op (finite-difference cases first, then
 * PyTorch autograd goldens). argMax and the *Backward ops have no gradient, so no cases.
 */
export const GRADIENT_CASES_BY_OP: { readonly [K in OpType]?: readonly GradientCase[] } = {
  conv1d: conv1dGradientCases,
  conv2d: conv2dGradientCases,
  maxPool1d: maxPool1dGradientCases,
  maxPool2d: maxPool2dGradientCases,
  avgPool1d: avgPool1dGradientCases,
  avgPool2d: avgPool2dGradientCases,
  globalAvgPool: globalAvgPoolGradientCases,
  globalMaxPool: globalMaxPoolGradientCases,
  batchNorm: batchNormGradientCases,
  batchNormTraining: batchNormTrainingGradientCases,
  matmul: matmulGradientCases,
  linear: linearGradientCases,
  add: addGradientCases,
  sub: subGradientCases,
  mul: mulGradientCases,
  div: divGradientCases,
  relu: reluGradientCases,
  leakyRelu: leakyReluGradientCases,
  sigmoid: sigmoidGradientCases,
  tanh: tanhGradientCases,
  softmax: softmaxGradientCases,
  logSoftmax: logSoftmaxGradientCases,
  reshape: reshapeGradientCases,
  flatten: flattenGradientCases,
  transpose: transposeGradientCases,
  concat: concatGradientCases,
  gather: gatherGradientCases,
  dropout: dropoutGradientCases,
  reduceSum: reduceSumGradientCases,
  reduceMean: reduceMeanGradientCases,
  reduceMax: reduceMaxGradientCases,
  neg: negGradientCases,
  abs: absGradientCases,
  sign: signGradientCases,
  exp: expGradientCases,
  log: logGradientCases,
  sqrt: sqrtGradientCases,
  slice: sliceGradientCases,
  expand: expandGradientCases,
};

export const GRADIENT_CASES: readonly GradientCase[] = Object.values(GRADIENT_CASES_BY_OP).flat();
