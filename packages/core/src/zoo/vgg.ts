import * as F from '../eager/functional';
import { AdaptiveAvgPool2d } from '../nn/layers/adaptive-avg-pool2d';
import { BatchNorm2d } from '../nn/layers/batch-norm2d';
import { Conv2d } from '../nn/layers/conv2d';
import { Dropout } from '../nn/layers/dropout';
import { Linear } from '../nn/layers/linear';
import { MaxPool2d } from '../nn/layers/max-pool2d';
import { ReLU } from '../nn/layers/relu';
import { Sequential } from '../nn/layers/sequential';
import { Module } from '../nn/module';
import type { Tensor } from '../tensor/tensor';
import { IMAGENET_MIN_INPUT_SIZE, checkImageInput, imagenetInputSize } from './image-size';
import { type CommonModelOptions, initPlan, intOption } from './options';
import { torchvisionInit } from './torchvision-init';

/** Output channels of each 3×3 conv, 'M' a 2×2 max pool: Simonyan & Zisserman 2015, table 1. */
export type VggConfig = readonly (number | 'M')[];

/** torchvision's cfgs: A = VGG-11, B = VGG-13, D = VGG-16, E = VGG-19. */
export const VGG_CONFIGS = {
  A: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  B: [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  D: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  E: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
} as const satisfies Record<string, VggConfig>;

export interface VggOptions extends CommonModelOptions {
  /** Default 1000. */
  readonly numClasses?: number;
  /** Side of the square input (default 224, at least 32); the model itself takes any size >= 32. */
  readonly inputSize?: number;
  /** BatchNorm after each conv (the _bn variants). */
  readonly batchNorm?: boolean;
  /** Dropout probability in the classifier (default 0.5). */
  readonly dropout?: number;
}

/**
 * torchvision's VGG: features (the config's convs, each with padding 1 and, in the _bn
 * variants, a BatchNorm2d, then ReLU; 'M' = MaxPool2d(2, 2)), avgpool = AdaptiveAvgPool2d((7, 7)),
 * flatten, classifier = Linear(512·7·7, 4096), ReLU, Dropout, Linear(4096, 4096), ReLU, Dropout,
 * Linear(4096, numClasses). Indices within features and classifier are torchvision's, so keys
 * read 'features.0.weight', 'features.1.running_mean' (_bn), 'classifier.6.bias'.
 *
 * Init as torchvision: conv weights kaiming_normal_(fan_out, relu), conv biases 0, BatchNorm 1 / 0,
 * Linear weights N(0, 0.01²), biases 0.
 */
export class VGG extends Module {
  features: Sequential;
  avgpool: AdaptiveAvgPool2d;
  classifier: Sequential;

  constructor(config: VggConfig, options: VggOptions = {}, where = 'VGG') {
    super();
    imagenetInputSize(options.inputSize, where);
    const numClasses = intOption(options.numClasses, 1000, 'numClasses', where, 1);
    const plan = initPlan(options);
    this.features = this.register('features', plan.replaced(() => vggFeatures(config, options.batchNorm ?? false)));
    this.avgpool = this.register('avgpool', new AdaptiveAvgPool2d([7, 7]));
    const p = options.dropout ?? 0.5;
    this.classifier = this.register('classifier', plan.replaced(() => new Sequential(
      new Linear(512 * 7 * 7, 4096), new ReLU(), new Dropout(p),
      new Linear(4096, 4096), new ReLU(), new Dropout(p),
      new Linear(4096, numClasses),
    )));
    if (plan.init) torchvisionInit(this, plan.init, { linearStd: 0.01 });
  }

  forward(x: Tensor): Tensor {
    checkImageInput(x, this.describe(), IMAGENET_MIN_INPUT_SIZE);
    const y = this.avgpool.call(this.features.call(x));
    return this.classifier.call(F.flatten(y, 1));
  }
}

/** torchvision's make_layers: the features Sequential for a config. */
function vggFeatures(config: VggConfig, batchNorm: boolean): Sequential {
  const layers = new Sequential();
  let inChannels = 3;
  for (const v of config) {
    if (v === 'M') {
      layers.append(new MaxPool2d(2, { stride: 2 }));
      continue;
    }
    layers.append(new Conv2d(inChannels, v, 3, { padding: 1 }));
    if (batchNorm) layers.append(new BatchNorm2d(v));
    layers.append(new ReLU());
    inChannels = v;
  }
  return layers;
}

const vgg = (config: VggConfig, batchNorm: boolean, name: string) => (options: VggOptions = {}): VGG =>
  new VGG(config, { ...options, batchNorm }, name);

export const vgg11 = vgg(VGG_CONFIGS.A, false, 'vgg11');
export const vgg11_bn = vgg(VGG_CONFIGS.A, true, 'vgg11_bn');
export const vgg13 = vgg(VGG_CONFIGS.B, false, 'vgg13');
export const vgg13_bn = vgg(VGG_CONFIGS.B, true, 'vgg13_bn');
export const vgg16 = vgg(VGG_CONFIGS.D, false, 'vgg16');
export const vgg16_bn = vgg(VGG_CONFIGS.D, true, 'vgg16_bn');
export const vgg19 = vgg(VGG_CONFIGS.E, false, 'vgg19');
export const vgg19_bn = vgg(VGG_CONFIGS.E, true, 'vgg19_bn');
