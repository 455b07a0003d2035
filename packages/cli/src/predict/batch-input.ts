import { CnnkitError, type DType, type TensorValue, formatShape, shapesEqual } from '@cnnkit/core';

/** What one sample of a model's input looks like, without the batch axis. */
export interface SampleSpec {
  readonly shape: readonly number[];
  readonly dtype: DType;
}

export interface BatchedInput {
  /** The input with its batch axis. */
  readonly value: TensorValue;
  /** True when the file held one sample without a batch axis and one was added. */
  readonly addedBatchAxis: boolean;
}

/**
 * Checks an input read from `file` against the model's sample shape and dtype: [N, ...sample]
 * runs as it is, a lone [...sample] gets a batch axis of 1; anything else is an error naming
 * the file, the model, what was given and what was expected.
 */
export function batchedInput(value: TensorValue, sample: SampleSpec, file: string, model: string): BatchedInput {
  const where = `input '${file}'`;
  const expected = `[N, ${sample.shape.join(', ')}] (a batch of N samples) or ${formatShape(sample.shape)} (one sample)`;
  if (value.dtype !== sample.dtype) {
    // Integer .npy files (uint8 pixels, say) read as int32; images want the floats the model was trained on.
    const hint = sample.dtype === 'float32' ? ' (save the array as float32 or float64, scaled and normalised as in training)' : ' (token ids: save an integer array)';
    throw new CnnkitError('DTYPE_MISMATCH', `${where} holds ${value.dtype} values; ${model} expects ${sample.dtype}${hint}`, { file, dtype: value.dtype, expected: sample.dtype });
  }
  if (shapesEqual(value.shape, sample.shape)) {
    return { value: { dtype: value.dtype, shape: [1, ...value.shape], data: value.data }, addedBatchAxis: true };
  }
  if (value.shape.length === sample.shape.length + 1 && shapesEqual(value.shape.slice(1), sample.shape)) {
    if (value.shape[0] === 0) throw new CnnkitError('SHAPE_MISMATCH', `${where} has shape ${formatShape(value.shape)}: no samples; expected at least one`, { file, shape: value.shape });
    return { value, addedBatchAxis: false };
  }
  throw new CnnkitError('SHAPE_MISMATCH', `${where} has shape ${formatShape(value.shape)}; ${model} expects ${expected}`, { file, shape: value.shape, expected: sample.shape });
}
