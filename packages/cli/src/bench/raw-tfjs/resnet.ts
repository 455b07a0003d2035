import { type RawConv, rawConv, rawDense } from './layers';
import type { RawTfjsModel, Tf, TfTensor } from './tf-types';
import { RawWeights } from './weights';

type Block = (x: TfTensor) => TfTensor;

/** torchvision's BasicBlock with BatchNorm folded into the convs: conv3×3 + relu, conv3×3, + shortcut, relu. */
function basicBlock(tf: Tf, w: RawWeights, inC: number, planes: number, stride: number): Block {
  const conv1 = rawConv(tf, w, inC, planes, 3, stride, 1);
  const conv2 = rawConv(tf, w, planes, planes, 3, 1, 1);
  const down: RawConv | undefined = stride !== 1 || inC !== planes ? rawConv(tf, w, inC, planes, 1, stride) : undefined;
  return (x) => tf.relu(tf.add(conv2(conv1(x, 'relu'), 'linear'), down ? down(x, 'linear') : x));
}

/** torchvision v1.5's Bottleneck (stride in the 3×3), BatchNorm folded: 1×1, 3×3, 1×1 (×4), + shortcut, relu. */
function bottleneck(tf: Tf, w: RawWeights, inC: number, planes: number, stride: number): Block {
  const conv1 = rawConv(tf, w, inC, planes, 1);
  const conv2 = rawConv(tf, w, planes, planes, 3, stride, 1);
  const conv3 = rawConv(tf, w, planes, planes * 4, 1);
  const down: RawConv | undefined = stride !== 1 || inC !== planes * 4 ? rawConv(tf, w, inC, planes * 4, 1, stride) : undefined;
  return (x) => tf.relu(tf.add(conv3(conv2(conv1(x, 'relu'), 'relu'), 'linear'), down ? down(x, 'linear') : x));
}

function rawResnet(tf: Tf, kind: 'basic' | 'bottleneck', layers: readonly number[]): RawTfjsModel {
  const w = new RawWeights(tf);
  const expansion = kind === 'basic' ? 1 : 4;
  const stem = rawConv(tf, w, 3, 64, 7, 2, 3);
  const blocks: Block[] = [];
  let channels = 64;
  layers.forEach((count, stage) => {
    const planes = 64 << stage;
    for (let i = 0; i < count; i++) {
      const stride = i === 0 && stage > 0 ? 2 : 1;
      blocks.push(kind === 'basic' ? basicBlock(tf, w, channels, planes, stride) : bottleneck(tf, w, channels, planes, stride));
      channels = planes * expansion;
    }
  });
  const fc = rawDense(tf, w, channels, 1000);
  return {
    inputShape: (n) => [n, 224, 224, 3],
    inputDtype: 'float32',
    forward(x) {
      let h = tf.maxPool(stem(x, 'relu'), 3, 2, 1, 'floor');
      for (const block of blocks) h = block(h);
      return fc(tf.mean(h, [1, 2]), 'linear');
    },
    dispose: () => w.dispose(),
  };
}

export const rawResnet18 = (tf: Tf): RawTfjsModel => rawResnet(tf, 'basic', [2, 2, 2, 2]);
export const rawResnet50 = (tf: Tf): RawTfjsModel => rawResnet(tf, 'bottleneck', [3, 4, 6, 3]);
