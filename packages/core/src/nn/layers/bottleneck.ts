import * as F from '../../eager/functional';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { BatchNorm2d } from './batch-norm2d';
import type { Conv2d } from './conv2d';
import { conv1x1, conv3x3 } from './resnet-convs';

export interface BottleneckOptions {
  readonly stride?: number;
  /** The shortcut projection (see resnetDownsample); its keys are downsample.0.*, downsample.1.*. */
  readonly downsample?: Module;
  /** ResNeXt's cardinality (default 1). */
  readonly groups?: number;
  /** Width per group (default 64; 128 for Wide ResNet). */
  readonly baseWidth?: number;
  readonly dilation?: number;
}

/**
 * torchvision's Bottleneck (ResNet-50/101/152, "v1.5"): 1×1 reduce, 3×3 (strided here, not in
 * the 1×1 as in the original paper), 1×1 expand to planes × 4, plus the shortcut, then ReLU.
 */
export class Bottleneck extends Module {
  static readonly expansion = 4;
  conv1: Conv2d;
  bn1: BatchNorm2d;
  conv2: Conv2d;
  bn2: BatchNorm2d;
  conv3: Conv2d;
  bn3: BatchNorm2d;
  downsample: Module | undefined;
  readonly stride: number;

  constructor(inPlanes: number, planes: number, o: BottleneckOptions = {}) {
    super();
    this.stride = o.stride ?? 1;
    const groups = o.groups ?? 1;
    const width = Math.floor(planes * ((o.baseWidth ?? 64) / 64)) * groups;
    this.conv1 = this.register('conv1', conv1x1(inPlanes, width));
    this.bn1 = this.register('bn1', new BatchNorm2d(width));
    this.conv2 = this.register('conv2', conv3x3(width, width, this.stride, groups, o.dilation ?? 1));
    this.bn2 = this.register('bn2', new BatchNorm2d(width));
    this.conv3 = this.register('conv3', conv1x1(width, planes * Bottleneck.expansion));
    this.bn3 = this.register('bn3', new BatchNorm2d(planes * Bottleneck.expansion));
    this.downsample = o.downsample ? this.register('downsample', o.downsample) : undefined;
  }

  forward(x: Tensor): Tensor {
    let out = F.relu(this.bn1.call(this.conv1.call(x)));
    out = F.relu(this.bn2.call(this.conv2.call(out)));
    out = this.bn3.call(this.conv3.call(out));
    const identity = this.downsample ? this.downsample.call(x) : x;
    return F.relu(F.add(out, identity));
  }
}
