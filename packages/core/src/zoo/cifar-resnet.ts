import * as F from '../eager/functional';
import { CnnkitError } from '../errors';
import { AdaptiveAvgPool2d } from '../nn/layers/adaptive-avg-pool2d';
import { BatchNorm2d } from '../nn/layers/batch-norm2d';
import { Conv2d } from '../nn/layers/conv2d';
import { checkInput } from '../nn/layers/layer-args';
import { Linear } from '../nn/layers/linear';
import { ReLU } from '../nn/layers/relu';
import { conv3x3 } from '../nn/layers/resnet-convs';
import { Sequential } from '../nn/layers/sequential';
import { Module } from '../nn/module';
import type { Rng } from '../random/rng';
import type { Tensor } from '../tensor/tensor';
import { type CommonModelOptions, initPlan, intOption } from './options';
import { torchvisionInit } from './torchvision-init';

export interface CifarResNetOptions extends CommonModelOptions {
  /** Default 10 (CIFAR-10). */
  readonly numClasses?: number;
  /** Side of the square input (default 32, at least 4: two stride-2 stages); the model takes any size. */
  readonly inputSize?: number;
}

/** CIFAR images are 3 × 32 × 32. */
export const CIFAR_INPUT_SIZE = 32;

/**
 * The ResNets for CIFAR-10 of He et al. 2016, section 4.2: a 3×3 conv (16 maps) – bn1 – relu,
 * then three stages layer1..layer3 of n BasicBlocks on 32×32, 16×16 and 8×8 maps with 16, 32 and
 * 64 filters (layer2 and layer3 start with stride 2), global average pooling and fc: 6n + 2
 * layers, so n = 3, 5, 9 give ResNet-20, 32, 56 (0.27 M, 0.46 M, 0.85 M parameters).
 *
 * Every shortcut is an identity (the paper's option A), parameter-free: where the width doubles
 * and the map halves, the block adds x subsampled by stride-2 (x[:, :, ::2, ::2]) to its first
 * channels and nothing (zero padding) to the new ones — see CifarBasicBlock. There is no
 * torchvision model; keys follow torchvision's ResNet: conv1, bn1, layer1.0.conv1, ..., fc.
 *
 * Init: conv weights kaiming_normal_(fan_out, relu) (He et al. 2015, as fb.resnet.torch and
 * torchvision), BatchNorm 1 / 0, fc PyTorch's default Linear init.
 */
export class CifarResNet extends Module {
  readonly depth: number;
  conv1: Conv2d;
  bn1: BatchNorm2d;
  relu: ReLU;
  layer1: Sequential;
  layer2: Sequential;
  layer3: Sequential;
  avgpool: AdaptiveAvgPool2d;
  fc: Linear;

  constructor(depth: number, options: CifarResNetOptions = {}, where = `resnet${depth}`) {
    super();
    if (!Number.isInteger(depth) || depth < 8 || (depth - 2) % 6 !== 0) {
      throw new CnnkitError('INVALID_ARGUMENT', `CifarResNet: depth is ${JSON.stringify(depth)}; expected 6n + 2 with n >= 1 (20, 32, 44, 56, 110)`);
    }
    this.depth = depth;
    intOption(options.inputSize, CIFAR_INPUT_SIZE, 'inputSize', where, 4, ' (two stride-2 stages)');
    const numClasses = intOption(options.numClasses, 10, 'numClasses', where, 1);
    const plan = initPlan(options);
    const n = (depth - 2) / 6;
    this.conv1 = this.register('conv1', plan.replaced(() => conv3x3(3, 16)));
    this.bn1 = this.register('bn1', new BatchNorm2d(16));
    this.relu = this.register('relu', new ReLU());
    this.layer1 = this.register('layer1', plan.replaced(() => cifarStage(16, 16, n, 1)));
    this.layer2 = this.register('layer2', plan.replaced(() => cifarStage(16, 32, n, 2)));
    this.layer3 = this.register('layer3', plan.replaced(() => cifarStage(32, 64, n, 2)));
    this.avgpool = this.register('avgpool', new AdaptiveAvgPool2d([1, 1]));
    this.fc = this.register('fc', plan.kept((rng) => new Linear(64, numClasses, { rng })));
    if (plan.init) torchvisionInit(this, plan.init);
  }

  forward(x: Tensor): Tensor {
    checkInput(x, [4], 'N, 3, H, W', this.describe(), 3);
    let y = this.relu.call(this.bn1.call(this.conv1.call(x)));
    y = this.layer3.call(this.layer2.call(this.layer1.call(y)));
    return this.fc.call(F.flatten(this.avgpool.call(y), 1));
  }

  override extraRepr(): string {
    return `depth=${this.depth}`;
  }
}

function cifarStage(inPlanes: number, planes: number, blocks: number, stride: number): Sequential {
  const stage = new Sequential(new CifarBasicBlock(inPlanes, planes, { stride }));
  for (let i = 1; i < blocks; i++) stage.append(new CifarBasicBlock(planes, planes));
  return stage;
}

/**
 * The CIFAR ResNets' BasicBlock: relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)), both convs
 * 3×3 without bias, the first strided, with the option-A identity shortcut: x subsampled by the
 * stride (x[:, :, ::s, ::s], as a 1×1 average pool with stride s, the way fb.resnet.torch writes
 * it) and zero-padded from inPlanes to planes channels, the zeros after x's channels (as
 * fb.resnet.torch's Concat(x, 0·x)). Adding zeros leaves the residual's new channels as they are,
 * so the block adds x to the first inPlanes channels only: no zero tensor sized by the batch is
 * made, which keeps the block traceable with a symbolic batch.
 */
export class CifarBasicBlock extends Module {
  readonly inPlanes: number;
  readonly planes: number;
  readonly stride: number;
  conv1: Conv2d;
  bn1: BatchNorm2d;
  conv2: Conv2d;
  bn2: BatchNorm2d;

  constructor(inPlanes: number, planes: number, o: { readonly stride?: number; readonly rng?: Rng } = {}) {
    super();
    if (planes < inPlanes) {
      throw new CnnkitError('INVALID_ARGUMENT', `CifarBasicBlock(${inPlanes}, ${planes}): planes ${planes} < inPlanes ${inPlanes}; expected planes >= inPlanes (the zero-padding shortcut only adds channels)`);
    }
    this.inPlanes = inPlanes;
    this.planes = planes;
    this.stride = o.stride ?? 1;
    this.conv1 = this.register('conv1', new Conv2d(inPlanes, planes, 3, { stride: this.stride, padding: 1, bias: false, rng: o.rng }));
    this.bn1 = this.register('bn1', new BatchNorm2d(planes));
    this.conv2 = this.register('conv2', new Conv2d(planes, planes, 3, { padding: 1, bias: false, rng: o.rng }));
    this.bn2 = this.register('bn2', new BatchNorm2d(planes));
  }

  forward(x: Tensor): Tensor {
    let out = F.relu(this.bn1.call(this.conv1.call(x)));
    out = this.bn2.call(this.conv2.call(out));
    return F.relu(this.#addShortcut(out, x));
  }

  #addShortcut(out: Tensor, x: Tensor): Tensor {
    const s = this.stride;
    const sub = s === 1 ? x : F.avgPool2d(x, { kernelSize: [1, 1], strides: [s, s] });
    if (this.planes === this.inPlanes) return F.add(out, sub);
    const head = F.add(F.slice(out, [0], [this.inPlanes], [1]), sub);
    return F.concat([head, F.slice(out, [this.inPlanes], [this.planes], [1])], 1);
  }

  override extraRepr(): string {
    return `${this.inPlanes}, ${this.planes}, stride=${this.stride}`;
  }
}

const cifarResnet = (depth: number) => (options: CifarResNetOptions = {}): CifarResNet => new CifarResNet(depth, options);

export const resnet20 = cifarResnet(20);
export const resnet32 = cifarResnet(32);
export const resnet56 = cifarResnet(56);
