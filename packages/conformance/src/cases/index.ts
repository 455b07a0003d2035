import type { OpType } from '@cnnkit/core';
import type { ConformanceCase } from '../case';
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
};

export const ALL_CASES: readonly ConformanceCase[] = Object.values(OP_CASES).flat();
