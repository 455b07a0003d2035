import {
  AdaptiveAvgPool2d, BasicBlock, BatchNorm2d, Conv1d, Conv2d, Dropout, Embedding, F, Flatten, GlobalMaxPool1d, Linear, MaxPool2d, Module,
  ReLU, Rng, Sequential, type Tensor, type TensorValue, resnetDownsample,
} from '@cnnkit/core';

/** LeNet-5 for 28×28 MNIST (conv1 pads 2), the zoo's layout: features.*, classifier.*. */
export class LeNet5 extends Module {
  readonly features: Sequential;
  readonly classifier: Sequential;

  constructor(rng = new Rng(1)) {
    super();
    this.features = this.register('features', new Sequential(
      new Conv2d(1, 6, 5, { padding: 2, rng }), new ReLU(), new MaxPool2d(2),
      new Conv2d(6, 16, 5, { rng }), new ReLU(), new MaxPool2d(2),
    ));
    this.classifier = this.register('classifier', new Sequential(
      new Flatten(), new Linear(400, 120, { rng }), new ReLU(), new Dropout(0.5), new Linear(120, 84, { rng }), new ReLU(), new Linear(84, 10, { rng }),
    ));
  }

  forward(x: Tensor): Tensor {
    return this.classifier.call(this.features.call(x));
  }
}

/** A small ResNet: stem, a strided BasicBlock with a projection shortcut, global pool, head. */
export function tinyResNet(rng = new Rng(2)): Sequential {
  return new Sequential(
    new Conv2d(3, 8, 3, { padding: 1, bias: false, rng }), new BatchNorm2d(8), new ReLU(),
    new BasicBlock(8, 16, { stride: 2, downsample: resnetDownsample(8, 16, 2) }),
    new AdaptiveAvgPool2d(1), new Flatten(), new Linear(16, 5, { rng }),
  );
}

/** TextCNN-like: embedding, [N, L, E] -> [N, E, L], conv1d, max over time, head. */
export class TinyTextCnn extends Module {
  readonly embedding: Embedding;
  readonly conv: Conv1d;
  readonly pool: GlobalMaxPool1d;
  readonly fc: Linear;

  constructor(rng = new Rng(3), paddingIdx?: number) {
    super();
    this.embedding = this.register('embedding', new Embedding(20, 6, { rng, paddingIdx }));
    this.conv = this.register('conv', new Conv1d(6, 4, 3, { rng }));
    this.pool = this.register('pool', new GlobalMaxPool1d());
    this.fc = this.register('fc', new Linear(4, 2, { rng }));
  }

  forward(tokens: Tensor): Tensor {
    const e = F.transpose(this.embedding.call(tokens), [0, 2, 1]);
    return this.fc.call(this.pool.call(F.relu(this.conv.call(e))));
  }
}

/**
 * Exercises what a trace must handle beyond layers: a reshape that copies the batch size from
 * x.shape, constants made inside forward, a module called twice (one set of initializers), and
 * an op whose result is discarded.
 */
export class Quirky extends Module {
  readonly shared: Linear;

  constructor(rng = new Rng(4)) {
    super();
    this.shared = this.register('shared', new Linear(12, 12, { rng }));
  }

  forward(x: Tensor): Tensor {
    const flat = F.reshape(x, [x.shape[0]!, -1]); // [N, 3, 4] -> [N, 12]
    F.sigmoid(flat); // discarded
    const h = F.mul(this.shared.call(flat), F.scalar(0.5));
    return F.add(this.shared.call(F.relu(h)), F.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [12]));
  }
}

/** Reshapes with the batch size multiplied in: a graph that could only run for that batch. */
export class BakesBatch extends Module {
  forward(x: Tensor): Tensor {
    return F.reshape(x, [x.shape[0]! * x.shape[1]!, -1]);
  }
}

/** Branches on a tensor's values, which a trace cannot see. */
export class ReadsValues extends Module {
  forward(x: Tensor): Tensor {
    return x.dataSync()[0]! > 0 ? F.relu(x) : F.neg(x);
  }
}

export function randomValue(shape: readonly number[], seed: number): TensorValue {
  const rng = new Rng(seed);
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = rng.nextNormal();
  return { dtype: 'float32', shape, data };
}

export function randomTokens(shape: readonly number[], vocab: number, seed: number): TensorValue {
  const rng = new Rng(seed);
  const data = new Int32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = rng.nextUint32() % vocab;
  return { dtype: 'int32', shape, data };
}
