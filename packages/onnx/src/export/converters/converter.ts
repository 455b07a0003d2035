import type { NormalizedNode, OpType } from '@cnnkit/core';
import type { ExportContext } from '../context';

/** The ops that only training graphs contain (core's TRAINING_OP_TYPES): never exported. */
export type TrainingOpType =
  | 'batchNormTraining' | 'batchNormBackward' | 'conv1dBackwardInput' | 'conv2dBackwardInput' | 'conv1dBackwardFilter'
  | 'conv2dBackwardFilter' | 'maxPool1dBackward' | 'maxPool2dBackward' | 'avgPool1dBackward' | 'avgPool2dBackward' | 'gatherBackward';

export type ForwardOpType = Exclude<OpType, TrainingOpType>;

/** Writes the ONNX nodes of one cnnkit node; its outputs keep their cnnkit names. */
export type Converter<K extends OpType> = (node: NormalizedNode<K>, ctx: ExportContext) => void;

export type ConverterTable = { readonly [K in ForwardOpType]: Converter<K> };
