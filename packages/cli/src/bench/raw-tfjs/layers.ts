import type { Tf, TfActivation, TfTensor } from './tf-types';
import type { RawWeights } from './weights';

/** A convolution with its bias (eval-mode BatchNorm folded in, as the PyTorch export does), NHWC. */
export interface RawConv {
  (x: TfTensor, activation: TfActivation): TfTensor;
}

export function rawConv(tf: Tf, w: RawWeights, inC: number, outC: number, k: number, stride = 1, pad = 0): RawConv {
  const filter = w.filter([k, k, inC, outC]);
  const bias = w.bias(outC);
  return (x, activation) => tf.fused.conv2d({ x, filter, bias, strides: stride, pad, activation });
}

/** A fully connected layer [N, in] -> [N, out] as one fused matMul + bias (+ relu). */
export function rawDense(tf: Tf, w: RawWeights, inputs: number, outputs: number): (x: TfTensor, activation: TfActivation) => TfTensor {
  const b = w.dense(inputs, outputs);
  const bias = w.bias(outputs);
  return (a, activation) => tf.fused.matMul({ a, b, bias, activation });
}
