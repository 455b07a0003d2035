import type { Kernel } from '@cnnkit/core';
import { cpuTensor, values } from '../tensor';
import { inferOutput } from './infer-static-shape';

/**
 * Same values, new shape. The output is a view: a new tensor over the input's own array, no copy.
 * That is safe because tensors are read-only by contract (kernels always allocate their outputs)
 * and a cpu tensor's dispose() only drops its reference, never recycles the array, so disposing the
 * input leaves the view intact. Flattening activations before a linear layer is then free. Should
 * the cpu backend ever pool and reuse arrays, this (and flatten, dropout's identity) must copy.
 */
export const reshapeKernel: Kernel<'reshape'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('reshape', inputs, attrs);
  return [cpuTensor(values(x), shape)];
};
