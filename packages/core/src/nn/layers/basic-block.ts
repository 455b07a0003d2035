import * as F from '../../eager/functional';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { BatchNorm2d } from './batch-norm2d';
import type { Conv2d } from './conv2d';
import { conv3x3 } from './resnet-convs';

export interface BasicBlockOptions {
  readonly stride?: number;
  /** The shortcut projection when the shape changes (see resnetDownsample); its keys are downsample.0.*, downsample.1.*. */
  readonly downsample?: Module;
}

/**
 * torchvision's BasicBlock (ResNet-18/34): relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)),
 * both convolutions 3×3, the first one strided. Output channels = planes (expansion 1).
 */
export class BasicBlock extends Module {
  static readonly expansion = 1;
  conv1: Conv2d;
  bn1: BatchNorm2d;
  conv2: Conv2d;
  bn2: BatchNorm2d;
  downsample: Module | undefined;
  readonly stride: number;

  constructor(inPlanes: number, planes: number, o: BasicBlockOptions = {}) {
    super();
    this.stride = o.stride ?? 1;
    this.conv1 = this.register('conv1', conv3x3(inPlanes, planes, this.stride));
    this.bn1 = this.register('bn1', new BatchNorm2d(planes));
    this.conv2 = this.register('conv2', conv3x3(planes, planes));
    this.bn2 = this.register('bn2', new BatchNorm2d(planes));
    this.downsample = o.downsample ? this.register('downsample', o.downsample) : undefined;
  }

  forward(x: Tensor): Tensor {
    let out = F.relu(this.bn1.call(this.conv1.call(x)));
    out = this.bn2.call(this.conv2.call(out));
    const identity = this.downsample ? this.downsample.call(x) : x;
    return F.relu(F.add(out, identity));
  }
}
