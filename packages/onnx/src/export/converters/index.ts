import type { ConverterTable } from './converter';
import { convertConv } from './convolution';
import { convertDropout } from './dropout';
import { convertBatchNorm, convertLeakyRelu, convertSoftmax, direct } from './elementwise';
import { convertLinear, convertMatmul } from './linear-algebra';
import { convertAvgPool, convertGlobalAvgPool, convertGlobalMaxPool, convertMaxPool } from './pooling';
import { convertArgMax, convertReduce } from './reductions';
import { convertConcat, convertExpand, convertFlatten, convertGather, convertReshape, convertSlice, convertTranspose } from './shape-ops';

/** One converter per forward op of core's op set (the type makes a new op a compile error here). */
export const CONVERTERS: ConverterTable = {
  conv1d: convertConv,
  conv2d: convertConv,
  maxPool1d: convertMaxPool,
  maxPool2d: convertMaxPool,
  avgPool1d: convertAvgPool,
  avgPool2d: convertAvgPool,
  globalAvgPool: convertGlobalAvgPool,
  globalMaxPool: convertGlobalMaxPool,
  batchNorm: convertBatchNorm,
  matmul: convertMatmul,
  linear: convertLinear,
  add: direct('Add'),
  sub: direct('Sub'),
  mul: direct('Mul'),
  div: direct('Div'),
  relu: direct('Relu'),
  leakyRelu: convertLeakyRelu,
  sigmoid: direct('Sigmoid'),
  tanh: direct('Tanh'),
  softmax: convertSoftmax,
  logSoftmax: convertSoftmax,
  reshape: convertReshape,
  flatten: convertFlatten,
  transpose: convertTranspose,
  concat: convertConcat,
  gather: convertGather,
  dropout: convertDropout,
  reduceSum: convertReduce,
  reduceMean: convertReduce,
  reduceMax: convertReduce,
  argMax: convertArgMax,
  neg: direct('Neg'),
  abs: direct('Abs'),
  sign: direct('Sign'),
  exp: direct('Exp'),
  log: direct('Log'),
  sqrt: direct('Sqrt'),
  slice: convertSlice,
  expand: convertExpand,
};
