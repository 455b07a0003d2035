import type { RawTfjsModel, Tf, TfTensor } from './tf-types';
import { RawWeights } from './weights';

/** The zoo's textCnn at its defaults: vocabulary 20,000 × 128, windows 3/4/5 × 100 maps, 400 tokens, 2 classes. */
export const RAW_TEXT_CNN = { vocabSize: 20_000, embeddingDim: 128, windows: [3, 4, 5], maps: 100, length: 400, classes: 2 } as const;

export function rawTextCnn(tf: Tf): RawTfjsModel {
  const c = RAW_TEXT_CNN;
  const w = new RawWeights(tf);
  const table = w.table(c.vocabSize, c.embeddingDim);
  const convs = c.windows.map((k) => ({ filter: w.filter([k, c.embeddingDim, c.maps]), bias: w.bias(c.maps) }));
  const fc = { b: w.dense(c.maps * c.windows.length, c.classes), bias: w.bias(c.classes) };
  return {
    inputShape: (n) => [n, c.length],
    inputDtype: 'int32',
    forward(ids) {
      // gather gives [N, L, E]: tfjs's conv1d wants exactly that (NWC), so no transpose.
      const embedded = tf.gather(table, ids);
      const pooled: TfTensor[] = convs.map(({ filter, bias }) => tf.max(tf.relu(tf.add(tf.conv1d(embedded, filter, 1, 'valid'), bias)), 1));
      return tf.fused.matMul({ a: tf.concat(pooled, 1), b: fc.b, bias: fc.bias });
    },
    dispose: () => w.dispose(),
  };
}
