import { CnnkitError, type Graph, formatShape } from '@cnnkit/core';
import type { SampleSpec } from './batch-input';

/**
 * One sample of an imported ONNX model's only input: its shape without the leading batch axis.
 * The batch may be symbolic ('N', 'batch_size') or fixed (an export without dynamic axes: the
 * backend then refuses other batch sizes); the other axes must be fixed.
 */
export function onnxSample(graph: Graph, file: string): SampleSpec {
  if (graph.inputs.length !== 1) {
    throw new CnnkitError('INVALID_ARGUMENT', `ONNX model '${file}' has ${graph.inputs.length} inputs (${graph.inputs.map((i) => `'${i.name}'`).join(', ')}); predict expects one (a batch of images or token ids)`, { file });
  }
  const input = graph.inputs[0]!;
  const rest = input.shape.slice(1);
  if (input.shape.length < 2 || rest.some((d) => typeof d !== 'number')) {
    throw new CnnkitError('SHAPE_MISMATCH', `ONNX model '${file}' input '${input.name}' has shape ${formatShape(input.shape)}; predict expects [batch, ...sample] with the sample's axes fixed`, { file, shape: input.shape });
  }
  return { shape: rest as number[], dtype: input.dtype };
}
