import type { ZooOptions } from '@cnnkit/core';
import { type ParsedOptions, UsageError, intOption, stringOption } from '../args';

/** A string option that must be there, else a usage error saying what it is for. */
export function requiredOption(values: ParsedOptions, name: string, what: string, command: string): string {
  const v = stringOption(values, name);
  if (v === undefined || v === '') throw new UsageError(`option --${name} is required: ${what}`, command);
  return v;
}

/** --num-classes and --input-size as zoo options (absent: the model's defaults). */
export function zooOptions(values: ParsedOptions, command: string): ZooOptions {
  const numClasses = stringOption(values, 'num-classes') === undefined ? undefined : intOption(values, 'num-classes', 0, command);
  const inputSize = stringOption(values, 'input-size') === undefined ? undefined : intOption(values, 'input-size', 0, command);
  return { ...(numClasses !== undefined ? { numClasses } : {}), ...(inputSize !== undefined ? { inputSize } : {}) };
}

export const NUM_CLASSES_OPTION = { type: 'string', value: 'N', description: "classifier outputs the weights were trained for (default: the model's)" } as const;
export const INPUT_SIZE_OPTION = { type: 'string', value: 'S', description: "image side the model is built for (lenet5: 28 or 32; default: the model's)" } as const;
