import { F, type Module, Rng, type Tensor, backward, createModel, crossEntropy, isCnnkitError, noGrad } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../training/layers/helpers';
import { meanStd, stateValues } from './stats';

beforeAll(useCpu);

/** A seeded N(0, 1) batch. */
function images(shape: readonly number[], seed = 1): Tensor {
  const rng = new Rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return F.tensor(Array.from({ length: n }, () => rng.nextNormal()), shape);
}

function tokens(batch: number, length: number, vocab: number, seed = 2): Tensor {
  const rng = new Rng(seed);
  return F.tensor(Array.from({ length: batch * length }, () => Math.floor(rng.nextFloat() * vocab)), [batch, length], 'int32');
}

/** Runs an eval-mode forward without a tape and checks the logits are finite and differ between samples or classes. */
function logits(model: Module, x: Tensor): Tensor {
  model.eval();
  const y = noGrad(() => model.call(x));
  const v = y.dataSync();
  expect(v.every(Number.isFinite)).toBe(true);
  return y;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isCnnkitError(error)) return error.message;
    throw error;
  }
  return '(nothing thrown)';
}

describe('lenet5', () => {
  it('28×28 (default) and 32×32 inputs give [N, numClasses] logits', () => {
    const y = logits(createModel('lenet5'), images([2, 1, 28, 28]));
    expect(y.shape).toEqual([2, 10]);
    expect(new Set(y.dataSync()).size).toBeGreaterThan(10);
    expect(logits(createModel('lenet5', { inputSize: 32, numClasses: 3 }), images([4, 1, 32, 32])).shape).toEqual([4, 3]);
  });

  it('refuses an image of the other size, naming both', () => {
    expect(errorOf(() => createModel('lenet5').call(images([1, 1, 32, 32]))))
      .toBe('LeNet5(input_size=28, num_classes=10): input has shape [1, 1, 32, 32]; expected [N, 1, 28, 28] (fc1 takes exactly 16·5·5 features)');
  });
});

describe('CIFAR ResNets', () => {
  it('resnet20 at 32×32 (default) and at 20×20', () => {
    const model = createModel('resnet20', { rng: new Rng(1) });
    expect(logits(model, images([2, 3, 32, 32])).shape).toEqual([2, 10]);
    expect(logits(model, images([1, 3, 20, 20])).shape).toEqual([1, 10]);
  });

  it('resnet32 with 100 classes on 16×16; a train-mode step reaches every parameter', () => {
    const model = createModel('resnet32', { numClasses: 100, rng: new Rng(2) });
    expect(logits(model, images([2, 3, 16, 16])).shape).toEqual([2, 100]);
    expectEveryGradient(model.train(), images([2, 3, 8, 8]), F.tensor([3, 97], [2], 'int32'));
  });
});

/** One backward of the cross entropy: every parameter gets a gradient of its shape, not all zero. */
function expectEveryGradient(model: Module, x: Tensor, y: Tensor): void {
  const params = model.namedParameters();
  for (const [, p] of params) p.zeroGrad();
  backward(() => crossEntropy(model.call(x), y), params.map(([, p]) => p));
  for (const [name, p] of params) {
    expect(p.grad?.shape, name).toEqual(p.value.shape);
    expect(p.grad!.dataSync().some((g) => g !== 0), name).toBe(true);
  }
}

describe('ResNets', () => {
  // resnet18 at its default 224×224 runs in resnet18-torchvision.test.ts against PyTorch's logits.
  it('resnet18 at 96×96 with 7 classes', () => {
    expect(logits(createModel('resnet18', { numClasses: 7, rng: new Rng(3) }), images([1, 3, 96, 96])).shape).toEqual([1, 7]);
  });

  it('resnet50 at 64×48 with 5 classes, and at the smallest size, 32×32', () => {
    const model = createModel('resnet50', { numClasses: 5, rng: new Rng(4) });
    expect(logits(model, images([2, 3, 64, 48])).shape).toEqual([2, 5]);
    expect(logits(model, images([1, 3, 32, 32])).shape).toEqual([1, 5]);
  });

  it('refuses a non-image input', () => {
    expect(errorOf(() => createModel('resnet34', { skipInit: true }).call(images([2, 1, 32, 32]))))
      .toBe('ResNet(): input has shape [2, 1, 32, 32]; expected [N, 3, H, W] with H, W >= 1');
  });
});

/** Lets vitest's worker answer its messages between long synchronous steps (a VGG build, a 224×224 forward). */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('VGG', () => {
  // vgg11 at its default 224×224 runs against PyTorch's logits in the conformance model cases.
  it('vgg11: torchvision init, then logits at 64×96', async () => {
    const model = createModel('vgg11', { rng: new Rng(5) });
    await breathe();
    // kaiming_normal_(fan_out, relu): std √2 / √(64 · 3 · 3) for features.0; conv biases 0;
    // Linear N(0, 0.01²), biases 0 (torchvision's VGG._initialize_weights).
    expect(meanStd(stateValues(model, 'features.0.weight')).std / Math.sqrt(2 / (64 * 9))).toBeCloseTo(1, 1);
    expect(meanStd(stateValues(model, 'features.18.weight')).std / Math.sqrt(2 / (512 * 9))).toBeCloseTo(1, 2);
    expect(new Set(stateValues(model, 'features.3.bias'))).toEqual(new Set([0]));
    expect(meanStd(stateValues(model, 'classifier.3.weight')).std).toBeCloseTo(0.01, 4);
    expect(new Set(stateValues(model, 'classifier.6.bias'))).toEqual(new Set([0]));
    await breathe();
    // 2×3 after the features: the 7×7 adaptive pool is no longer an identity.
    const y = logits(model, images([1, 3, 64, 96]));
    expect(y.shape).toEqual([1, 1000]);
    expect(meanStd(y.dataSync()).std).toBeGreaterThan(0);
    model.dispose();
  }, 300_000);

  it('vgg11_bn at 32×32 (a 1×1 map spread to 7×7), 10 classes; too small an image is refused', () => {
    // Counted-only weights (skipInit): this checks the shapes through BatchNorm features and the head.
    const model = createModel('vgg11_bn', { numClasses: 10, skipInit: true });
    expect(logits(model, images([2, 3, 32, 32])).shape).toEqual([2, 10]);
    expect(errorOf(() => model.call(images([1, 3, 16, 64])))).toBe('VGG(): input has shape [1, 3, 16, 64]; expected [N, 3, H, W] with H, W >= 32');
    model.dispose();
  }, 120_000);
});

describe('textCnn', () => {
  it('int32 token ids [N, L] give [N, numClasses] at the defaults and at other sizes', () => {
    expect(logits(createModel('textCnn'), tokens(2, 400, 20_000)).shape).toEqual([2, 2]);
    const small = createModel('textCnn', { vocabSize: 50, embeddingDim: 8, numClasses: 4, rng: new Rng(6) });
    expect(logits(small, tokens(3, 5, 50)).shape).toEqual([3, 4]);
    expect(logits(small, tokens(1, 37, 50)).shape).toEqual([1, 4]);
  });

  it('a train-mode step reaches the embedding, every window\'s conv and fc', () => {
    const model = createModel('textCnn', { vocabSize: 30, embeddingDim: 6, numClasses: 3, rng: new Rng(7) });
    expect(model.namedParameters().map(([k]) => k)).toEqual([
      'embedding.weight', 'convs.0.weight', 'convs.0.bias', 'convs.1.weight', 'convs.1.bias', 'convs.2.weight', 'convs.2.bias', 'fc.weight', 'fc.bias',
    ]);
    expectEveryGradient(model.train(), tokens(4, 12, 30), F.tensor([0, 1, 2, 1], [4], 'int32'));
  });

  it('refuses float input and sequences shorter than the largest window', () => {
    const model = createModel('textCnn', { vocabSize: 10 });
    expect(errorOf(() => model.call(F.zeros([2, 9])))).toBe('TextCnn(windows=(3, 4, 5), max_norm=3): input is float32 [2, 9]; expected int32 token ids [N, L] with L >= 5 (the largest window)');
    expect(errorOf(() => model.call(tokens(2, 4, 10)))).toContain('input is int32 [2, 4]; expected int32 token ids [N, L] with L >= 5');
  });
});
