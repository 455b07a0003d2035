import * as tf from '@tensorflow/tfjs-core';
import { dims, inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** PyTorch's nn.Linear: y = x @ weight^T + bias, weight [out, in]; leading axes of x folded into rows. */
export const linearKernel: TfKernel<'linear'> = (inputs, attrs) => {
  const { shape } = inferOutput('linear', inputs, attrs);
  const [x, w, b] = inputs as [tf.Tensor, tf.Tensor2D, tf.Tensor1D | undefined];
  const features = x.shape[x.rank - 1]!;
  const count = x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
  // Rank-2 input (the usual classifier head) needs neither reshape: each is one more engine op.
  const flat = x.rank === 2;
  const rows = flat ? (x as tf.Tensor2D) : (tf.reshape(x, [count, features]) as tf.Tensor2D);
  // Not tf.fused.matMul's bias: tfjs-backend-wasm 4.22 adds it at the wrong offsets past the first row.
  const y = tf.matMul(rows, w, false, true);
  const biased = b ? tf.add(y, b) : y;
  return [flat ? biased : tf.reshape(biased, dims(shape))];
};
