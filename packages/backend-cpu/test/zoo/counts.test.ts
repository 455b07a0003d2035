import { MODEL_ZOO, type ZooOptions, createModel } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../training/layers/helpers';
import { torchvision } from './zoo-fixtures';

beforeAll(useCpu);

/**
 * The numbers (torchvision's for VGG and ResNet, the paper's table made exact for the
 * CIFAR ResNets) and hand-derived ones: LeNet-5 = 156 + 2,416 + 48,120 + 10,164 + 850; TextCNN at
 * its defaults = 20,000·128 (embedding) + 100·128·(3 + 4 + 5) + 300 (convs) + 300·2 + 2 (fc).
 */
const EXPECTED: Record<string, number> = {
  lenet5: 61_706,
  vgg11: 132_863_336,
  vgg11_bn: 132_868_840,
  vgg13: 133_047_848,
  vgg13_bn: 133_053_736,
  vgg16: 138_357_544,
  vgg16_bn: 138_365_992,
  vgg19: 143_667_240,
  vgg19_bn: 143_678_248,
  resnet18: 11_689_512,
  resnet34: 21_797_672,
  resnet50: 25_557_032,
  resnet101: 44_549_160,
  resnet152: 60_192_808,
  resnet20: 269_722,
  resnet32: 464_154,
  resnet56: 853_018,
  textCnn: 2_560_000 + 153_600 + 300 + 602,
};

/** Builds without drawing weights (counting needs none: VGG's 138 M draws would take seconds) and frees the model. */
function count(name: string, options: ZooOptions = {}): number {
  const model = createModel(name, { ...options, skipInit: true });
  try {
    return model.parameterCount();
  } finally {
    model.dispose();
  }
}

describe('parameter counts', () => {
  it('the zoo holds exactly the issue\'s models', () => {
    expect(Object.keys(MODEL_ZOO)).toEqual(Object.keys(EXPECTED));
  });

  it('the committed torchvision table agrees with the issue\'s numbers', () => {
    for (const [name, n] of Object.entries(EXPECTED)) expect(torchvision.counts[name], name).toBe(n);
  });

  for (const [name, n] of Object.entries(EXPECTED)) {
    it(`${name}: ${n.toLocaleString('en')}`, () => {
      expect(count(name)).toBe(n);
    });
  }

  it('numClasses changes the head only (torchvision / torch counts)', () => {
    const at = (key: string): number => torchvision.counts[key]!;
    expect(count('resnet18', { numClasses: 7 })).toBe(at('resnet18@numClasses=7'));
    expect(count('vgg11', { numClasses: 7 })).toBe(at('vgg11@numClasses=7'));
    expect(count('resnet20', { numClasses: 100 })).toBe(at('resnet20@numClasses=100'));
    expect(count('textCnn', { vocabSize: 1000, embeddingDim: 50, numClasses: 5 })).toBe(at('textCnn@vocabSize=1000,embeddingDim=50,numClasses=5'));
    // LeNet-5 on 32x32 input: conv1 loses its pad, not a parameter; conv2 still sees 14x14.
    expect(count('lenet5', { inputSize: 32 })).toBe(at('lenet5@inputSize=32'));
    expect(at('lenet5@inputSize=32')).toBe(61_706);
    // 84 · 3 + 3 instead of 84 · 10 + 10.
    expect(count('lenet5', { numClasses: 3 })).toBe(61_706 - 850 + 255);
  });

  it('every parameter is trainable', () => {
    const model = createModel('resnet20');
    expect(model.parameterCount({ trainableOnly: true })).toBe(269_722);
  });
});
