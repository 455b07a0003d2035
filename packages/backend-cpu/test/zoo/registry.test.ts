import { CifarResNet, LeNet5, MODEL_ZOO, ResNet, TextCnn, VGG, createModel, isCnnkitError, modelSpec } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../training/layers/helpers';

beforeAll(useCpu);

const NAMES = [
  'lenet5', 'vgg11', 'vgg11_bn', 'vgg13', 'vgg13_bn', 'vgg16', 'vgg16_bn', 'vgg19', 'vgg19_bn',
  'resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152', 'resnet20', 'resnet32', 'resnet56', 'textCnn',
];

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (isCnnkitError(error)) return error;
    throw error;
  }
  throw new Error('expected a CnnkitError, nothing was thrown');
}

describe('MODEL_ZOO', () => {
  it('lists every model under its own name, with a family and a description', () => {
    expect(Object.keys(MODEL_ZOO)).toEqual(NAMES);
    for (const [name, spec] of Object.entries(MODEL_ZOO)) {
      expect(spec.name).toBe(name);
      expect(spec.description.length).toBeGreaterThan(10);
    }
    const families = Object.fromEntries(Object.values(MODEL_ZOO).map((s) => [s.name, s.family]));
    expect(families).toMatchObject({ lenet5: 'lenet', vgg16_bn: 'vgg', resnet152: 'resnet', resnet56: 'cifar-resnet', textCnn: 'textcnn' });
    expect(Object.isFrozen(MODEL_ZOO)).toBe(true);
  });

  it('gives each model\'s input shape, default and chosen', () => {
    expect(MODEL_ZOO.lenet5!.inputShape()).toEqual({ shape: [1, 28, 28], dtype: 'float32' });
    expect(MODEL_ZOO.lenet5!.inputShape({ inputSize: 32 })).toEqual({ shape: [1, 32, 32], dtype: 'float32' });
    expect(MODEL_ZOO.vgg19_bn!.inputShape()).toEqual({ shape: [3, 224, 224], dtype: 'float32' });
    expect(MODEL_ZOO.resnet50!.inputShape({ inputSize: 160 })).toEqual({ shape: [3, 160, 160], dtype: 'float32' });
    expect(MODEL_ZOO.resnet20!.inputShape()).toEqual({ shape: [3, 32, 32], dtype: 'float32' });
    expect(MODEL_ZOO.textCnn!.inputShape()).toEqual({ shape: [400], dtype: 'int32' });
    expect(MODEL_ZOO.textCnn!.inputShape({ sequenceLength: 64 })).toEqual({ shape: [64], dtype: 'int32' });
  });

  it('builds each family\'s class', () => {
    expect(createModel('lenet5')).toBeInstanceOf(LeNet5);
    expect(createModel('resnet18', { skipInit: true })).toBeInstanceOf(ResNet);
    expect(createModel('resnet20')).toBeInstanceOf(CifarResNet);
    expect(createModel('textCnn', { vocabSize: 100 })).toBeInstanceOf(TextCnn);
    const vgg = createModel('vgg11', { skipInit: true });
    expect(vgg).toBeInstanceOf(VGG);
    vgg.dispose();
  });
});

describe('createModel errors', () => {
  it('an unknown name lists every model', () => {
    const e = thrown(() => createModel('alexnet'));
    expect(e.message).toContain('unknown model "alexnet"');
    for (const name of NAMES) expect(e.message).toContain(`'${name}'`);
    expect(thrown(() => modelSpec('toString')).message).toContain('unknown model "toString"');
  });

  it('a near miss in case or dashes is pointed out', () => {
    expect(thrown(() => createModel('textcnn')).message).toContain("did you mean 'textCnn'?");
    expect(thrown(() => createModel('VGG16-BN')).message).toContain("did you mean 'vgg16_bn'?");
  });

  it('an option the model does not take is refused, naming the ones it takes', () => {
    expect(thrown(() => createModel('resnet18', { vocabSize: 10 })).message)
      .toBe("resnet18: does not take option 'vocabSize'; expected only 'numClasses', 'rng', 'skipInit', 'inputSize'");
    expect(thrown(() => MODEL_ZOO.textCnn!.inputShape({ inputSize: 32 })).message).toContain("textCnn: does not take option 'inputSize'");
    // undefined means "not given" (a CLI passes every flag through).
    expect(MODEL_ZOO.textCnn!.inputShape({ inputSize: undefined }).shape).toEqual([400]);
  });

  it('bad sizes and class counts name the model, the value and the rule', () => {
    expect(thrown(() => createModel('lenet5', { inputSize: 30 })).message).toContain('lenet5: inputSize is 30; expected 28 (MNIST, conv1 pads 2) or 32');
    expect(thrown(() => MODEL_ZOO.lenet5!.inputShape({ inputSize: 64 })).message).toContain('lenet5: inputSize is 64; expected 28 or 32');
    expect(thrown(() => createModel('vgg16', { inputSize: 16 })).message).toBe('vgg16: inputSize is 16; expected an integer >= 32 (the network divides the side by 32)');
    expect(thrown(() => MODEL_ZOO.resnet18!.inputShape({ inputSize: 31 })).message).toContain('resnet18: inputSize is 31; expected an integer >= 32');
    expect(thrown(() => createModel('resnet56', { numClasses: 0 })).message).toBe('resnet56: numClasses is 0; expected an integer >= 1');
    expect(thrown(() => createModel('textCnn', { numClasses: 2.5 })).message).toContain('textCnn: numClasses is 2.5');
    expect(thrown(() => MODEL_ZOO.textCnn!.inputShape({ sequenceLength: 4 })).message).toContain('textCnn: sequenceLength is 4; expected an integer >= 5 (the largest window)');
  });
});
