export { type BinaryCrossEntropyWithLogitsOptions, binaryCrossEntropyWithLogits } from './binary-cross-entropy-with-logits';
export { type CrossEntropyOptions, crossEntropy } from './cross-entropy';
export { type MseLossOptions, mseLoss } from './mse-loss';
export type { Reduction } from './reduction';
