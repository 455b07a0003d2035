import { type RawConv, rawConv, rawDense } from './layers';
import type { RawTfjsModel, Tf, TfTensor } from './tf-types';
import { RawWeights } from './weights';

/** torchvision's VGG-11 (configuration A) at 224×224: 3×3 convs pad 1 + relu, 'M' = max 2, then 25088-4096-4096-1000 (dropout is the identity in eval). */
const VGG11 = [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'] as const;

export function rawVgg11(tf: Tf): RawTfjsModel {
  const w = new RawWeights(tf);
  const features: (RawConv | 'M')[] = [];
  let channels = 3;
  for (const item of VGG11) {
    if (item === 'M') {
      features.push('M');
    } else {
      features.push(rawConv(tf, w, channels, item, 3, 1, 1));
      channels = item;
    }
  }
  const fc1 = rawDense(tf, w, 512 * 7 * 7, 4096);
  const fc2 = rawDense(tf, w, 4096, 4096);
  const fc3 = rawDense(tf, w, 4096, 1000);
  return {
    inputShape: (n) => [n, 224, 224, 3],
    inputDtype: 'float32',
    forward(x) {
      let h: TfTensor = x;
      for (const layer of features) h = layer === 'M' ? tf.maxPool(h, 2, 2, 'valid') : layer(h, 'relu');
      // At 224×224 the feature map is already 7×7: adaptive average pooling to 7×7 is the identity.
      const flat = tf.reshape(h, [h.shape[0]!, 512 * 7 * 7]);
      return fc3(fc2(fc1(flat, 'relu'), 'relu'), 'linear');
    },
    dispose: () => w.dispose(),
  };
}
