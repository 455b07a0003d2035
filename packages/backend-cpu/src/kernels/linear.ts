import type { Kernel } from '@cnnkit/core';
import { gemm } from '../gemm/gemm';
import { cpuTensor, f32 } from '../tensor';
import { inferOutputShape } from './infer-output';

/**
 * PyTorch's F.linear: y[..., out] = x[..., in] @ weight[out, in]^T + bias[out]. The leading axes
 * of x are one [rows, in] matrix in place, weight is read transposed by the GEMM (no copy), and
 * the bias is written into y first so the GEMM accumulates onto it (beta = 1).
 */
export const linearKernel: Kernel<'linear'> = (inputs, attrs) => {
  const shape = inferOutputShape('linear', inputs, attrs);
  const x = f32(inputs[0]!);
  const w = f32(inputs[1]!);
  const bias = inputs[2] ? f32(inputs[2]) : undefined;
  const [outFeatures, inFeatures] = [inputs[1]!.shape[0]!, inputs[1]!.shape[1]!];
  const rows = outFeatures === 0 ? 0 : shape.reduce((p, d) => p * d, 1) / outFeatures;
  const y = new Float32Array(rows * outFeatures);
  if (bias) for (let r = 0; r < rows; r++) y.set(bias, r * outFeatures);
  if (rows > 0 && outFeatures > 0 && inFeatures > 0) {
    gemm(rows, outFeatures, inFeatures, x, 0, inFeatures, false, w, 0, inFeatures, true, y, 0, outFeatures, bias ? 1 : 0);
  }
  return [cpuTensor(y, shape)];
};
