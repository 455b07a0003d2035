import { type Module, Rng, createModel, defaultRng, manualSeed } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../training/layers/helpers';
import { maxAbs, meanStd, stateValues } from './stats';

beforeAll(useCpu);

/**
 * torchvision's init, checked by its statistics: a conv weight drawn by
 * kaiming_normal_(mode='fan_out', nonlinearity='relu') has std √2 / √(out · kH · kW). With n
 * draws the sample std is within a few 1/√(2n) of it, so 3% is loose for the ≥ 9,408 values below.
 */
const kaimingStd = (out: number, k: number): number => Math.SQRT2 / Math.sqrt(out * k * k);

describe('ResNet init (torchvision)', () => {
  let model: Module;
  beforeAll(() => {
    model = createModel('resnet18', { rng: new Rng(11) });
  });

  it('convolutions: kaiming normal, fan out', () => {
    for (const [key, out, k] of [['conv1.weight', 64, 7], ['layer1.0.conv1.weight', 64, 3], ['layer3.0.downsample.0.weight', 256, 1], ['layer4.1.conv2.weight', 512, 3]] as const) {
      const { mean, std } = meanStd(stateValues(model, key));
      expect(Math.abs(mean), key).toBeLessThan(0.05 * std);
      expect(std / kaimingStd(out, k), key).toBeGreaterThan(0.97);
      expect(std / kaimingStd(out, k), key).toBeLessThan(1.03);
    }
  });

  it('BatchNorm weight 1, bias 0, running statistics 0 / 1', () => {
    expect(new Set(stateValues(model, 'layer2.1.bn2.weight'))).toEqual(new Set([1]));
    expect(new Set(stateValues(model, 'bn1.bias'))).toEqual(new Set([0]));
    expect(new Set(stateValues(model, 'layer4.0.downsample.1.running_var'))).toEqual(new Set([1]));
  });

  it('fc keeps PyTorch\'s default: U(−1/√512, 1/√512), weight and bias', () => {
    const bound = 1 / Math.sqrt(512);
    const w = stateValues(model, 'fc.weight');
    expect(maxAbs(w)).toBeLessThanOrEqual(bound);
    // A uniform on (−b, b) has std b / √3.
    expect(meanStd(w).std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1);
    expect(maxAbs(stateValues(model, 'fc.bias'))).toBeLessThanOrEqual(bound);
    expect(maxAbs(stateValues(model, 'fc.bias'))).toBeGreaterThan(0);
  });
});

describe('CIFAR ResNet init', () => {
  it('convolutions kaiming normal fan out, fc default', () => {
    const model = createModel('resnet56', { rng: new Rng(5) });
    const { std } = meanStd(stateValues(model, 'layer3.8.conv2.weight'));
    expect(std / kaimingStd(64, 3)).toBeCloseTo(1, 1);
    expect(maxAbs(stateValues(model, 'fc.weight'))).toBeLessThanOrEqual(1 / 8);
  });
});

describe('generators', () => {
  it('the same rng seed gives the same weights, another seed others; the global generator is left alone', async () => {
    const before = defaultRng().state;
    const a = await createModel('resnet20', { rng: new Rng(3) }).stateDict();
    const b = await createModel('resnet20', { rng: new Rng(3) }).stateDict();
    const c = await createModel('resnet20', { rng: new Rng(4) }).stateDict();
    expect(defaultRng().state).toEqual(before);
    expect(b).toEqual(a);
    expect(c['layer2.0.conv1.weight']!.data).not.toEqual(a['layer2.0.conv1.weight']!.data);
    expect(c['fc.weight']!.data).not.toEqual(a['fc.weight']!.data);
  });

  it('without an rng the global generator decides (manualSeed repeats a model)', async () => {
    manualSeed(21);
    const a = await createModel('textCnn', { vocabSize: 50 }).stateDict();
    manualSeed(21);
    const b = await createModel('textCnn', { vocabSize: 50 }).stateDict();
    expect(b).toEqual(a);
  });

  it('skipInit draws nothing: weights 0, BatchNorm at 1 / 0', () => {
    const before = defaultRng().state;
    const model = createModel('resnet20', { skipInit: true });
    expect(defaultRng().state).toEqual(before);
    expect(maxAbs(stateValues(model, 'conv1.weight'))).toBe(0);
    expect(maxAbs(stateValues(model, 'fc.weight'))).toBe(0);
    expect(maxAbs(stateValues(model, 'fc.bias'))).toBe(0);
    expect(new Set(stateValues(model, 'layer1.0.bn1.weight'))).toEqual(new Set([1]));
    const text = createModel('textCnn', { vocabSize: 30, skipInit: true });
    expect(maxAbs(stateValues(text, 'embedding.weight'))).toBe(0);
    expect(maxAbs(stateValues(text, 'convs.2.weight'))).toBe(0);
  });
});
