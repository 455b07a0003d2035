import { CnnkitError, type ModelFamily, type ZooOptions, modelSpec } from '@cnnkit/core';

/**
 * The zoo options a dataset implies, kept to those the model takes: lenet5 gets numClasses and
 * inputSize, textCnn numClasses, vocabSize and sequenceLength.
 */
export function zooOptionsFor(modelName: string, implied: Readonly<Record<string, number>>): Record<string, number> {
  const spec = modelSpec(modelName);
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(implied)) if (spec.options.includes(key as keyof ZooOptions)) out[key] = value;
  return out;
}

/** The classifier each family ends with: what --new-head replaces. */
const HEADS: Readonly<Record<ModelFamily, string>> = {
  lenet: 'fc3',
  resnet: 'fc',
  'cifar-resnet': 'fc',
  vgg: 'classifier.6',
  textcnn: 'fc',
};

export function headOf(modelName: string): string {
  const spec = modelSpec(modelName);
  const head = HEADS[spec.family];
  if (head === undefined) throw new CnnkitError('INVALID_ARGUMENT', `model ${spec.name} (family ${spec.family}) has no known classifier head; expected one of ${Object.keys(HEADS).join(', ')}`);
  return head;
}
