/**
 * Typed attributes of every op in the op set. Layout follows PyTorch and ONNX: NCHW images, NCL
 * sequences, OIHW / OIL convolution weights. Spatial attribute arrays have one entry per spatial
 * axis; explicit pads are ONNX-ordered: all begins, then all ends ([top, left, bottom, right]).
 */
export type Padding = 'valid' | 'same' | readonly number[];
export type PaddingMode = 'zeros' | 'circular';

export interface ConvAttrs {
  readonly strides: readonly number[];
  /** 'same' pads so that out = ceil(in / stride), the odd unit at the end (ONNX SAME_UPPER, PyTorch 'same'). */
  readonly pads: Padding;
  readonly dilations: readonly number[];
  readonly groups: number;
  readonly paddingMode: PaddingMode;
}

export interface MaxPoolAttrs {
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly pads: Padding;
  readonly dilations: readonly number[];
  readonly ceilMode: boolean;
}

export interface AvgPoolAttrs {
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly pads: Padding;
  readonly ceilMode: boolean;
  /** PyTorch's count_include_pad: divide by the window including explicit padding. */
  readonly countIncludePad: boolean;
}

export interface BatchNormAttrs {
  readonly epsilon: number;
}

export interface LeakyReluAttrs {
  readonly alpha: number;
}

export interface AxisAttrs {
  readonly axis: number;
}

export interface ReshapeAttrs {
  /** Target shape; -1 (once) is inferred, 0 copies the input's dimension at that position (ONNX). */
  readonly shape: readonly number[];
}

export interface FlattenAttrs {
  readonly startDim: number;
  readonly endDim: number;
}

export interface TransposeAttrs {
  readonly perm: readonly number[];
}

export interface DropoutAttrs {
  readonly ratio: number;
  /** In inference dropout is the identity; in training it zeroes with a mask drawn from `seed`. */
  readonly training: boolean;
  readonly seed: number;
}

export interface ReduceAttrs {
  /** Axes to reduce; empty means every axis. */
  readonly axes: readonly number[];
  readonly keepDims: boolean;
}

export interface ArgMaxAttrs {
  readonly axis: number;
  readonly keepDims: boolean;
}

export interface SliceAttrs {
  /** ONNX Slice with step 1: per listed axis, [start, end) with negatives counted from the end, clamped. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Defaults to 0..starts.length-1. */
  readonly axes: readonly number[];
}

export interface ExpandAttrs {
  /** Broadcasts x to broadcast(x.shape, shape) (ONNX Expand). */
  readonly shape: readonly number[];
}

/** Gradient of a convolution with respect to its input; the input's spatial size is not recoverable from dy. */
export interface ConvBackwardInputAttrs extends ConvAttrs {
  readonly inputSize: readonly number[];
}

/** Gradient of a convolution with respect to its weight. */
export interface ConvBackwardFilterAttrs extends ConvAttrs {
  readonly kernelSize: readonly number[];
}

export interface AvgPoolBackwardAttrs extends AvgPoolAttrs {
  readonly inputSize: readonly number[];
}

export interface GatherBackwardAttrs {
  readonly axis: number;
  /** The shape of the gathered data, which receives the accumulated gradient. */
  readonly dataShape: readonly number[];
}

export type NoAttrs = Readonly<Record<string, never>>;

/** The closed op set: op type -> its attributes. A backend "implements cnnkit" by covering these. */
export interface OpAttrsMap {
  conv1d: ConvAttrs;
  conv2d: ConvAttrs;
  maxPool1d: MaxPoolAttrs;
  maxPool2d: MaxPoolAttrs;
  avgPool1d: AvgPoolAttrs;
  avgPool2d: AvgPoolAttrs;
  globalAvgPool: NoAttrs;
  globalMaxPool: NoAttrs;
  batchNorm: BatchNormAttrs;
  matmul: NoAttrs;
  linear: NoAttrs;
  add: NoAttrs;
  sub: NoAttrs;
  mul: NoAttrs;
  div: NoAttrs;
  relu: NoAttrs;
  leakyRelu: LeakyReluAttrs;
  sigmoid: NoAttrs;
  tanh: NoAttrs;
  softmax: AxisAttrs;
  logSoftmax: AxisAttrs;
  reshape: ReshapeAttrs;
  flatten: FlattenAttrs;
  transpose: TransposeAttrs;
  concat: AxisAttrs;
  gather: AxisAttrs;
  dropout: DropoutAttrs;
  reduceSum: ReduceAttrs;
  reduceMean: ReduceAttrs;
  reduceMax: ReduceAttrs;
  argMax: ArgMaxAttrs;
  // Elementwise math the losses, optimizers and gradients are composed of.
  neg: NoAttrs;
  abs: NoAttrs;
  sign: NoAttrs;
  exp: NoAttrs;
  log: NoAttrs;
  sqrt: NoAttrs;
  slice: SliceAttrs;
  expand: ExpandAttrs;
  // Training: batch statistics, and the backward kernels gradients cannot compose cheaply.
  batchNormTraining: BatchNormAttrs;
  batchNormBackward: BatchNormAttrs;
  conv1dBackwardInput: ConvBackwardInputAttrs;
  conv2dBackwardInput: ConvBackwardInputAttrs;
  conv1dBackwardFilter: ConvBackwardFilterAttrs;
  conv2dBackwardFilter: ConvBackwardFilterAttrs;
  maxPool1dBackward: MaxPoolAttrs;
  maxPool2dBackward: MaxPoolAttrs;
  avgPool1dBackward: AvgPoolBackwardAttrs;
  avgPool2dBackward: AvgPoolBackwardAttrs;
  gatherBackward: GatherBackwardAttrs;
}

export type OpType = keyof OpAttrsMap;
export type OpAttrs<K extends OpType> = OpAttrsMap[K];

/**
 * What a graph author may write for an op's attributes: any subset (the rest take defaults),
 * and a single number wherever a per-axis list or padding is expected (`strides: 2`, `pads: 1`).
 */
export type AttrsInput<K extends OpType> = {
  readonly [P in keyof OpAttrs<K>]?: OpAttrs<K>[P] extends readonly number[]
    ? OpAttrs<K>[P] | number
    : OpAttrs<K>[P] extends Padding ? Padding | number : OpAttrs<K>[P];
};
