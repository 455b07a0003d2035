import type { GradientTable } from '../gradient';
import { absGradient } from './abs';
import { addGradient } from './add';
import { avgPool1dGradient } from './avg-pool1d';
import { avgPool2dGradient } from './avg-pool2d';
import { batchNormGradient } from './batch-norm';
import { batchNormTrainingGradient } from './batch-norm-training';
import { concatGradient } from './concat';
import { conv1dGradient } from './conv1d';
import { conv2dGradient } from './conv2d';
import { divGradient } from './div';
import { dropoutGradient } from './dropout';
import { expGradient } from './exp';
import { expandGradient } from './expand';
import { flattenGradient } from './flatten';
import { gatherGradient } from './gather';
import { globalAvgPoolGradient } from './global-avg-pool';
import { globalMaxPoolGradient } from './global-max-pool';
import { leakyReluGradient } from './leaky-relu';
import { linearGradient } from './linear';
import { logGradient } from './log';
import { logSoftmaxGradient } from './log-softmax';
import { matmulGradient } from './matmul';
import { maxPool1dGradient } from './max-pool1d';
import { maxPool2dGradient } from './max-pool2d';
import { mulGradient } from './mul';
import { negGradient } from './neg';
import { reduceMaxGradient } from './reduce-max';
import { reduceMeanGradient } from './reduce-mean';
import { reduceSumGradient } from './reduce-sum';
import { reluGradient } from './relu';
import { reshapeGradient } from './reshape';
import { sigmoidGradient } from './sigmoid';
import { signGradient } from './sign';
import { sliceGradient } from './slice';
import { softmaxGradient } from './softmax';
import { sqrtGradient } from './sqrt';
import { subGradient } from './sub';
import { tanhGradient } from './tanh';
import { transposeGradient } from './transpose';

/**
 * One gradient per differentiable op, one op per file (gradients/<op>.ts). Left out on purpose:
 * argMax (an int32 output has no gradient) and the *Backward ops (second order is out of scope),
 * so differentiating through them fails with "no gradient is defined".
 */
export const GRADIENTS: GradientTable = {
  conv1d: conv1dGradient,
  conv2d: conv2dGradient,
  maxPool1d: maxPool1dGradient,
  maxPool2d: maxPool2dGradient,
  avgPool1d: avgPool1dGradient,
  avgPool2d: avgPool2dGradient,
  globalAvgPool: globalAvgPoolGradient,
  globalMaxPool: globalMaxPoolGradient,
  batchNorm: batchNormGradient,
  matmul: matmulGradient,
  linear: linearGradient,
  add: addGradient,
  sub: subGradient,
  mul: mulGradient,
  div: divGradient,
  relu: reluGradient,
  leakyRelu: leakyReluGradient,
  sigmoid: sigmoidGradient,
  tanh: tanhGradient,
  softmax: softmaxGradient,
  logSoftmax: logSoftmaxGradient,
  reshape: reshapeGradient,
  flatten: flattenGradient,
  transpose: transposeGradient,
  concat: concatGradient,
  gather: gatherGradient,
  dropout: dropoutGradient,
  reduceSum: reduceSumGradient,
  reduceMean: reduceMeanGradient,
  reduceMax: reduceMaxGradient,
  neg: negGradient,
  abs: absGradient,
  sign: signGradient,
  exp: expGradient,
  log: logGradient,
  sqrt: sqrtGradient,
  slice: sliceGradient,
  expand: expandGradient,
  batchNormTraining: batchNormTrainingGradient,
};
