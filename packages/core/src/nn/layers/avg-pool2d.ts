import * as F from '../../eager/functional';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkInput, intTuple, poolPadding } from './layer-args';

export interface AvgPoolOptions {
  /** Default: the kernel size, as PyTorch. */
  readonly stride?: number | readonly number[];
  /** Symmetric implicit zero padding per axis, at most half the kernel. */
  readonly padding?: number | readonly number[];
  readonly ceilMode?: boolean;
  /** Divide by the whole window, padding included (PyTorch's default true). */
  readonly countIncludePad?: boolean;
}

/** torch.nn.AvgPool2d over N, C, H, W. */
export class AvgPool2d extends Module {
  readonly kernelSize: readonly number[];
  readonly stride: readonly number[];
  readonly padding: readonly number[];
  readonly ceilMode: boolean;
  readonly countIncludePad: boolean;

  constructor(kernelSize: number | readonly number[], o: AvgPoolOptions = {}) {
    super();
    const where = `AvgPool2d(kernelSize ${JSON.stringify(kernelSize)})`;
    this.kernelSize = intTuple(kernelSize, 2, 'kernelSize', where, 1);
    this.stride = intTuple(o.stride ?? this.kernelSize, 2, 'stride', where, 1);
    this.padding = poolPadding(o.padding ?? 0, 2, where);
    this.ceilMode = o.ceilMode ?? false;
    this.countIncludePad = o.countIncludePad ?? true;
  }

  forward(x: Tensor): Tensor {
    checkInput(x, [4], 'N, C, H, W', this.describe());
    return F.avgPool2d(x, { kernelSize: this.kernelSize, strides: this.stride, pads: this.padding, ceilMode: this.ceilMode, countIncludePad: this.countIncludePad });
  }

  override extraRepr(): string {
    return `kernel_size=(${this.kernelSize.join(', ')}), stride=(${this.stride.join(', ')}), padding=(${this.padding.join(', ')}), ceil_mode=${this.ceilMode ? 'True' : 'False'}, count_include_pad=${this.countIncludePad ? 'True' : 'False'}`;
  }
}
