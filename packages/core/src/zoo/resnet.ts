import * as F from '../eager/functional';
import { AdaptiveAvgPool2d } from '../nn/layers/adaptive-avg-pool2d';
import { BasicBlock } from '../nn/layers/basic-block';
import { BatchNorm2d } from '../nn/layers/batch-norm2d';
import { Bottleneck } from '../nn/layers/bottleneck';
import { Conv2d } from '../nn/layers/conv2d';
import { Linear } from '../nn/layers/linear';
import { MaxPool2d } from '../nn/layers/max-pool2d';
import { ReLU } from '../nn/layers/relu';
import { resnetDownsample } from '../nn/layers/resnet-convs';
import { Sequential } from '../nn/layers/sequential';
import { Module } from '../nn/module';
import type { Tensor } from '../tensor/tensor';
import { checkImageInput, imagenetInputSize } from './image-size';
import { type CommonModelOptions, initPlan, intOption } from './options';
import { torchvisionInit } from './torchvision-init';

/** The residual block of a ResNet: BasicBlock (18, 34) or Bottleneck (50, 101, 152). */
export type ResNetBlock = typeof BasicBlock | typeof Bottleneck;

export interface ResNetOptions extends CommonModelOptions {
  /** Default 1000. */
  readonly numClasses?: number;
  /** Side of the square input (default 224, at least 32); global pooling lets the model take any size. */
  readonly inputSize?: number;
}

/**
 * torchvision's ResNet (He et al. 2016, "v1.5": a Bottleneck strides in its 3×3, not its first
 * 1×1): conv1 (7×7/2, 64) – bn1 – relu – maxpool (3×3/2, pad 1) – layer1..layer4 (64, 128, 256,
 * 512 planes; layer2..4 start with stride 2) – avgpool (global) – flatten – fc. A stage's first
 * block gets the projection shortcut downsample = Sequential(conv1x1, BatchNorm2d) whenever the
 * stride or the width changes, so keys read 'layer1.0.conv1.weight', 'layer2.0.downsample.1.running_var'.
 *
 * Init as torchvision: conv weights kaiming_normal_(fan_out, relu), BatchNorm 1 / 0, fc PyTorch's
 * default Linear init (zero_init_residual off).
 */
export class ResNet extends Module {
  conv1: Conv2d;
  bn1: BatchNorm2d;
  relu: ReLU;
  maxpool: MaxPool2d;
  layer1: Sequential;
  layer2: Sequential;
  layer3: Sequential;
  layer4: Sequential;
  avgpool: AdaptiveAvgPool2d;
  fc: Linear;

  constructor(block: ResNetBlock, layers: readonly [number, number, number, number], options: ResNetOptions = {}, where = 'ResNet') {
    super();
    imagenetInputSize(options.inputSize, where);
    const numClasses = intOption(options.numClasses, 1000, 'numClasses', where, 1);
    const plan = initPlan(options);
    const stages = new StageBuilder(block);
    this.conv1 = this.register('conv1', plan.replaced(() => new Conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false })));
    this.bn1 = this.register('bn1', new BatchNorm2d(64));
    this.relu = this.register('relu', new ReLU());
    this.maxpool = this.register('maxpool', new MaxPool2d(3, { stride: 2, padding: 1 }));
    this.layer1 = this.register('layer1', plan.replaced(() => stages.make(64, layers[0], 1)));
    this.layer2 = this.register('layer2', plan.replaced(() => stages.make(128, layers[1], 2)));
    this.layer3 = this.register('layer3', plan.replaced(() => stages.make(256, layers[2], 2)));
    this.layer4 = this.register('layer4', plan.replaced(() => stages.make(512, layers[3], 2)));
    this.avgpool = this.register('avgpool', new AdaptiveAvgPool2d([1, 1]));
    this.fc = this.register('fc', plan.kept((rng) => new Linear(512 * block.expansion, numClasses, { rng })));
    if (plan.init) torchvisionInit(this, plan.init);
  }

  forward(x: Tensor): Tensor {
    checkImageInput(x, this.describe(), 1);
    let y = this.maxpool.call(this.relu.call(this.bn1.call(this.conv1.call(x))));
    y = this.layer4.call(this.layer3.call(this.layer2.call(this.layer1.call(y))));
    return this.fc.call(F.flatten(this.avgpool.call(y), 1));
  }
}

/** torchvision's ResNet._make_layer, with the running inplanes it keeps between stages. */
class StageBuilder {
  #inPlanes = 64;

  constructor(readonly block: ResNetBlock) {}

  make(planes: number, blocks: number, stride: number): Sequential {
    const out = planes * this.block.expansion;
    const downsample = stride !== 1 || this.#inPlanes !== out ? resnetDownsample(this.#inPlanes, out, stride) : undefined;
    const stage = new Sequential(new this.block(this.#inPlanes, planes, { stride, downsample }));
    this.#inPlanes = out;
    for (let i = 1; i < blocks; i++) stage.append(new this.block(this.#inPlanes, planes));
    return stage;
  }
}

const resnet = (block: ResNetBlock, layers: readonly [number, number, number, number], name: string) => (options: ResNetOptions = {}): ResNet =>
  new ResNet(block, layers, options, name);

export const resnet18 = resnet(BasicBlock, [2, 2, 2, 2], 'resnet18');
export const resnet34 = resnet(BasicBlock, [3, 4, 6, 3], 'resnet34');
export const resnet50 = resnet(Bottleneck, [3, 4, 6, 3], 'resnet50');
export const resnet101 = resnet(Bottleneck, [3, 4, 23, 3], 'resnet101');
export const resnet152 = resnet(Bottleneck, [3, 8, 36, 3], 'resnet152');
