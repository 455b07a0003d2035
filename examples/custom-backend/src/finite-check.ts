import { CnnkitError, type Tensor, formatShape } from '@cnnkit/core';

/** The first NaN or ±Inf among a tensor's values, or undefined when all are finite (int32 never holds one). */
export function firstNonFinite(values: ArrayLike<number>): { readonly index: number; readonly value: number } | undefined {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) return { index: i, value: v };
  }
  return undefined;
}

/** A one-line description of a tensor for error messages: dtype, shape and its first values. */
export function describeTensor(t: Tensor, values: ArrayLike<number>): string {
  const head = Array.from({ length: Math.min(values.length, 6) }, (_, i) => values[i]!).join(', ');
  return `${t.dtype} ${formatShape(t.shape)} [${head}${values.length > 6 ? ', ...' : ''}]`;
}

/** A tensor with a name for messages ('x', 'input 0') and its values, read on the host. */
export interface NamedValues {
  readonly name: string;
  readonly tensor: Tensor;
  readonly values: ArrayLike<number>;
}

export interface NonFiniteContext {
  /** Where the value was produced: "conv2d (node 'conv1' in graph 'net')", "eager op relu", "graph 'net' output 'y'". */
  readonly where: string;
  /** The inputs that produced it, named ('x', 'input 0'), each read on the host. */
  readonly inputs: readonly NamedValues[];
}

/**
 * Throws NON_FINITE when `output` holds a NaN or an Inf. The message names where it was produced,
 * the first bad element, and every input with its first values, so the input that caused it is
 * in front of the reader.
 */
export function assertFinite(output: Tensor, values: ArrayLike<number>, outputName: string, context: NonFiniteContext): void {
  if (output.dtype !== 'float32') return;
  const bad = firstNonFinite(values);
  if (bad === undefined) return;
  const inputs = context.inputs.map((i) => `${i.name}: ${describeTensor(i.tensor, i.values)}`).join('; ') || 'none';
  throw new CnnkitError(
    'NON_FINITE',
    `${context.where} produced ${bad.value} at element ${bad.index} of ${outputName} (${formatShape(output.shape)}) from inputs that were all finite; expected finite values. Inputs: ${inputs}`,
    { where: context.where, output: outputName, index: bad.index, value: bad.value },
  );
}
