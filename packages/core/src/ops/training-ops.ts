import { type Shape, formatShape, shapesEqual } from '../tensor/shape';
import type { AvgPoolBackwardAttrs, BatchNormAttrs, ConvBackwardFilterAttrs, ConvBackwardInputAttrs, GatherBackwardAttrs, MaxPoolAttrs } from './attributes';
import { intListAttr } from './attribute-checks';
import { conv1dOp, conv2dOp, normalizeConvAttrs } from './convolution';
import { gatherOp } from './gather';
import { batchNormOp } from './normalization';
import type { OpDef, TensorType } from './op-def';
import { avgPool1dOp, avgPool2dOp, maxPool1dOp, maxPool2dOp } from './pooling';
import { expectRank, shapeError, staticDim } from './shape-checks';

/**
 * The training-only ops: batch-statistics normalisation and the backward kernels that
 * gradients cannot compose cheaply from forward ops. Each checks itself against its forward
 * op's shape inference, so a backward op accepts exactly what its forward op produced.
 */

function sameShape(where: string, what: string, given: Shape, expected: Shape): void {
  if (!shapesEqual(given, expected)) throw shapeError(where, `${what} has shape ${formatShape(given)}; expected ${formatShape(expected)} (what the forward op produces)`);
}

const f32 = (shape: Shape): TensorType => ({ dtype: 'float32', shape });

export const batchNormTrainingOp: OpDef<'batchNormTraining'> = {
  type: 'batchNormTraining',
  summary: 'batch normalisation with the batch statistics over every axis but 1; outputs y, batch mean and biased batch variance',
  inputs: [{ name: 'x', dtypes: ['float32'] }, { name: 'scale', dtypes: ['float32'] }, { name: 'bias', dtypes: ['float32'] }],
  outputs: ['y', 'mean', 'var'],
  normalize: (attrs, where) => batchNormOp.normalize(attrs, where),
  infer([x, scale, bias], attrs, where) {
    const [y] = batchNormOp.infer([x!, scale!, bias!, scale!, scale!], attrs, where);
    return [y!, f32([x!.shape[1]!]), f32([x!.shape[1]!])];
  },
};

export const batchNormBackwardOp: OpDef<'batchNormBackward'> = {
  type: 'batchNormBackward',
  summary: 'gradient of batchNormTraining: (dy, x, scale, batch mean, batch var) -> (dx, dscale, dbias)',
  inputs: ['dy', 'x', 'scale', 'mean', 'var'].map((name) => ({ name, dtypes: ['float32'] as const })),
  outputs: ['dx', 'dscale', 'dbias'],
  normalize: (attrs, where) => batchNormOp.normalize(attrs, where),
  infer([dy, x, scale, mean, v], attrs: BatchNormAttrs, where) {
    batchNormOp.infer([x!, scale!, scale!, mean!, v!], attrs, where);
    sameShape(where, 'dy', dy!.shape, x!.shape);
    return [f32(x!.shape), f32(scale!.shape), f32(scale!.shape)];
  },
};

function makeConvBackwardInput<K extends 'conv1dBackwardInput' | 'conv2dBackwardInput'>(type: K, spatial: 1 | 2): OpDef<K> {
  const forward = spatial === 1 ? conv1dOp : conv2dOp;
  return {
    type,
    summary: `gradient of conv${spatial}d with respect to x: (dy, weight) -> dx of spatial size inputSize`,
    inputs: [{ name: 'dy', dtypes: ['float32'] }, { name: 'weight', dtypes: ['float32'] }],
    outputs: ['dx'],
    normalize(attrs, where): ConvBackwardInputAttrs {
      return { ...normalizeConvAttrs(attrs, spatial, where, ['inputSize']), inputSize: intListAttr(attrs, 'inputSize', spatial, undefined, where, 1) };
    },
    infer([dy, w], attrs, where) {
      expectRank(dy!, 'dy', spatial + 2, where);
      expectRank(w!, 'weight', spatial + 2, where);
      const x = f32([dy!.shape[0]!, staticDim(w!.shape, 1, 'weight', where) * attrs.groups, ...attrs.inputSize]);
      sameShape(where, 'dy', dy!.shape, forward.infer([x, w!], attrs, where)[0]!.shape);
      return [x];
    },
  };
}

function makeConvBackwardFilter<K extends 'conv1dBackwardFilter' | 'conv2dBackwardFilter'>(type: K, spatial: 1 | 2): OpDef<K> {
  const forward = spatial === 1 ? conv1dOp : conv2dOp;
  return {
    type,
    summary: `gradient of conv${spatial}d with respect to its weight: (x, dy) -> dweight of spatial size kernelSize`,
    inputs: [{ name: 'x', dtypes: ['float32'] }, { name: 'dy', dtypes: ['float32'] }],
    outputs: ['dweight'],
    normalize(attrs, where): ConvBackwardFilterAttrs {
      return { ...normalizeConvAttrs(attrs, spatial, where, ['kernelSize']), kernelSize: intListAttr(attrs, 'kernelSize', spatial, undefined, where, 1) };
    },
    infer([x, dy], attrs, where) {
      expectRank(x!, 'x', spatial + 2, where);
      expectRank(dy!, 'dy', spatial + 2, where);
      const channels = staticDim(x!.shape, 1, 'x', where);
      if (channels % attrs.groups !== 0) throw shapeError(where, `x ${formatShape(x!.shape)} has ${channels} channels, not divisible by groups ${attrs.groups}`);
      const w = f32([staticDim(dy!.shape, 1, 'dy', where), channels / attrs.groups, ...attrs.kernelSize]);
      sameShape(where, 'dy', dy!.shape, forward.infer([x!, w], attrs, where)[0]!.shape);
      return [w];
    },
  };
}

function makeMaxPoolBackward<K extends 'maxPool1dBackward' | 'maxPool2dBackward'>(type: K, forward: OpDef<'maxPool1d'> | OpDef<'maxPool2d'>): OpDef<K> {
  return {
    type,
    summary: `gradient of ${forward.type}: (x, dy) -> dx, each dy routed to its window's (first) maximum`,
    inputs: [{ name: 'x', dtypes: ['float32'] }, { name: 'dy', dtypes: ['float32'] }],
    outputs: ['dx'],
    normalize: (attrs, where) => forward.normalize(attrs, where),
    infer([x, dy], attrs: MaxPoolAttrs, where) {
      sameShape(where, 'dy', dy!.shape, forward.infer([x!], attrs, where)[0]!.shape);
      return [x!];
    },
  };
}

function makeAvgPoolBackward<K extends 'avgPool1dBackward' | 'avgPool2dBackward'>(type: K, forward: OpDef<'avgPool1d'> | OpDef<'avgPool2d'>, spatial: 1 | 2): OpDef<K> {
  return {
    type,
    summary: `gradient of ${forward.type}: dy -> dx of spatial size inputSize, each dy spread over its window by the forward divisor`,
    inputs: [{ name: 'dy', dtypes: ['float32'] }],
    outputs: ['dx'],
    normalize(attrs, where): AvgPoolBackwardAttrs {
      const rest: Record<string, unknown> = { ...attrs };
      delete rest.inputSize;
      return { ...forward.normalize(rest, where), inputSize: intListAttr(attrs, 'inputSize', spatial, undefined, where, 1) };
    },
    infer([dy], attrs, where) {
      expectRank(dy!, 'dy', spatial + 2, where);
      const x = f32([dy!.shape[0]!, dy!.shape[1]!, ...attrs.inputSize]);
      sameShape(where, 'dy', dy!.shape, forward.infer([x], attrs, where)[0]!.shape);
      return [x];
    },
  };
}

export const gatherBackwardOp: OpDef<'gatherBackward'> = {
  type: 'gatherBackward',
  summary: 'gradient of gather: (dy, indices) -> zeros of dataShape with dy accumulated at the gathered positions (repeated indices add up)',
  inputs: [{ name: 'dy', dtypes: ['float32'] }, { name: 'indices', dtypes: ['int32'] }],
  outputs: ['ddata'],
  normalize(attrs, where): GatherBackwardAttrs {
    const rest: Record<string, unknown> = { ...attrs };
    delete rest.dataShape;
    return { ...gatherOp.normalize(rest, where), dataShape: intListAttr(attrs, 'dataShape', undefined, undefined, where, 0) };
  },
  infer([dy, indices], attrs, where) {
    const data = f32(attrs.dataShape);
    sameShape(where, 'dy', dy!.shape, gatherOp.infer([data, indices!], attrs, where)[0]!.shape);
    return [data];
  },
};

export const conv1dBackwardInputOp = makeConvBackwardInput('conv1dBackwardInput', 1);
export const conv2dBackwardInputOp = makeConvBackwardInput('conv2dBackwardInput', 2);
export const conv1dBackwardFilterOp = makeConvBackwardFilter('conv1dBackwardFilter', 1);
export const conv2dBackwardFilterOp = makeConvBackwardFilter('conv2dBackwardFilter', 2);
export const maxPool1dBackwardOp = makeMaxPoolBackward('maxPool1dBackward', maxPool1dOp);
export const maxPool2dBackwardOp = makeMaxPoolBackward('maxPool2dBackward', maxPool2dOp);
export const avgPool1dBackwardOp = makeAvgPoolBackward('avgPool1dBackward', avgPool1dOp, 1);
export const avgPool2dBackwardOp = makeAvgPoolBackward('avgPool2dBackward', avgPool2dOp, 2);
