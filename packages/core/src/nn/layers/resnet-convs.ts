import { BatchNorm2d } from './batch-norm2d';
import { Conv2d } from './conv2d';
import { Sequential } from './sequential';

/** torchvision's conv3x3: padding = dilation, no bias. */
export function conv3x3(inPlanes: number, outPlanes: number, stride = 1, groups = 1, dilation = 1): Conv2d {
  return new Conv2d(inPlanes, outPlanes, 3, { stride, padding: dilation, groups, dilation, bias: false });
}

/** torchvision's conv1x1: no padding, no bias. */
export function conv1x1(inPlanes: number, outPlanes: number, stride = 1): Conv2d {
  return new Conv2d(inPlanes, outPlanes, 1, { stride, bias: false });
}

/** The shortcut projection torchvision's ResNet._make_layer builds: Sequential(conv1x1, BatchNorm2d), keys downsample.0.* / downsample.1.*. */
export function resnetDownsample(inPlanes: number, outPlanes: number, stride = 1): Sequential {
  return new Sequential(conv1x1(inPlanes, outPlanes, stride), new BatchNorm2d(outPlanes));
}
