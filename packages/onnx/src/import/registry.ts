import { convertBatchNormalization } from './converters/batch-norm';
import { convertAdd, convertDiv, convertMul, convertSub } from './converters/binary';
import { convertCast } from './converters/cast';
import { convertConcat } from './converters/concat';
import { convertConstant } from './converters/constant';
import { convertConv } from './converters/conv';
import { convertExpand } from './converters/expand';
import { convertGather } from './converters/gather';
import { convertGemm } from './converters/gemm';
import { convertMatMul } from './converters/matmul';
import { convertPad } from './converters/pad';
import { convertDropout, convertIdentity } from './converters/passthrough';
import { convertAveragePool, convertGlobalAveragePool, convertGlobalMaxPool, convertMaxPool } from './converters/pool';
import { convertArgMax, convertReduceMax, convertReduceMean, convertReduceSum } from './converters/reduce';
import { convertFlatten, convertReshape } from './converters/reshape';
import { convertShape } from './converters/shape';
import { convertSlice } from './converters/slice';
import { convertLogSoftmax, convertSoftmax } from './converters/softmax';
import { convertSqueeze, convertUnsqueeze } from './converters/squeeze';
import { convertTranspose } from './converters/transpose';
import {
  convertAbs, convertExp, convertLeakyRelu, convertLog, convertNeg, convertRelu, convertSigmoid, convertSign, convertSqrt, convertTanh,
} from './converters/unary';
import type { NodeContext } from './node-context';

/** Converts one ONNX node: reads its inputs and attributes, emits core nodes or folds, defines its outputs. */
export type Converter = (node: NodeContext) => void;

/** The ONNX ops (default domain, opset 7..21) cnnkit imports, by op_type. */
export const CONVERTERS: Readonly<Record<string, Converter>> = {
  Abs: convertAbs,
  Add: convertAdd,
  ArgMax: convertArgMax,
  AveragePool: convertAveragePool,
  BatchNormalization: convertBatchNormalization,
  Cast: convertCast,
  Concat: convertConcat,
  Constant: convertConstant,
  Conv: convertConv,
  Div: convertDiv,
  Dropout: convertDropout,
  Exp: convertExp,
  Expand: convertExpand,
  Flatten: convertFlatten,
  Gather: convertGather,
  Gemm: convertGemm,
  GlobalAveragePool: convertGlobalAveragePool,
  GlobalMaxPool: convertGlobalMaxPool,
  Identity: convertIdentity,
  LeakyRelu: convertLeakyRelu,
  Log: convertLog,
  LogSoftmax: convertLogSoftmax,
  MatMul: convertMatMul,
  MaxPool: convertMaxPool,
  Mul: convertMul,
  Neg: convertNeg,
  Pad: convertPad,
  ReduceMax: convertReduceMax,
  ReduceMean: convertReduceMean,
  ReduceSum: convertReduceSum,
  Relu: convertRelu,
  Reshape: convertReshape,
  Shape: convertShape,
  Sigmoid: convertSigmoid,
  Sign: convertSign,
  Slice: convertSlice,
  Softmax: convertSoftmax,
  Sqrt: convertSqrt,
  Squeeze: convertSqueeze,
  Sub: convertSub,
  Tanh: convertTanh,
  Transpose: convertTranspose,
  Unsqueeze: convertUnsqueeze,
};

/** The default ONNX domain, under either of its names. */
export function isDefaultDomain(domain: string): boolean {
  return domain === '' || domain === 'ai.onnx';
}

export function converterFor(domain: string, opType: string): Converter | undefined {
  return isDefaultDomain(domain) && Object.hasOwn(CONVERTERS, opType) ? CONVERTERS[opType] : undefined;
}
