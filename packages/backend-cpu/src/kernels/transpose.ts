import { type Kernel, allocate } from '@cnnkit/core';
import { cpuTensor, values } from '../tensor';
import { inferOutput } from './infer-static-shape';
import { permuteInto } from './permute';

/** Permutes axes (y.shape[i] = x.shape[perm[i]]) into a fresh array; float32 and int32. */
export const transposeKernel: Kernel<'transpose'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { dtype, shape } = inferOutput('transpose', inputs, attrs);
  const out = allocate(dtype, x.size);
  permuteInto(values(x), out, x.shape, attrs.perm);
  return [cpuTensor(out, shape)];
};
