import { rawConv, rawDense } from './layers';
import type { RawTfjsModel, Tf } from './tf-types';
import { RawWeights } from './weights';

/** The zoo's LeNet-5 on 28×28×1: conv 5×5 pad 2 + relu, max 2, conv 5×5 + relu, max 2, 400-120-84-10. */
export function rawLenet5(tf: Tf): RawTfjsModel {
  const w = new RawWeights(tf);
  const conv1 = rawConv(tf, w, 1, 6, 5, 1, 2);
  const conv2 = rawConv(tf, w, 6, 16, 5);
  const fc1 = rawDense(tf, w, 400, 120);
  const fc2 = rawDense(tf, w, 120, 84);
  const fc3 = rawDense(tf, w, 84, 10);
  return {
    inputShape: (n) => [n, 28, 28, 1],
    inputDtype: 'float32',
    forward(x) {
      const a = tf.maxPool(conv1(x, 'relu'), 2, 2, 'valid');
      const b = tf.maxPool(conv2(a, 'relu'), 2, 2, 'valid');
      const flat = tf.reshape(b, [b.shape[0]!, 400]);
      return fc3(fc2(fc1(flat, 'relu'), 'relu'), 'linear');
    },
    dispose: () => w.dispose(),
  };
}
