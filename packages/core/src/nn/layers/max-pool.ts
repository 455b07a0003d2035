import * as F from '../../eager/functional';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkInput, intTuple, poolPadding } from './layer-args';

export interface MaxPoolOptions {
  /** Default: the kernel size, as PyTorch. */
  readonly stride?: number | readonly number[];
  /** Symmetric implicit -∞ padding per axis, at most half the kernel. */
  readonly padding?: number | readonly number[];
  readonly dilation?: number | readonly number[];
  readonly ceilMode?: boolean;
}

/** What MaxPool1d and MaxPool2d share. */
export abstract class MaxPoolNd extends Module {
  readonly kernelSize: readonly number[];
  readonly stride: readonly number[];
  readonly padding: readonly number[];
  readonly dilation: readonly number[];
  readonly ceilMode: boolean;
  readonly #spatial: 1 | 2;

  protected constructor(spatial: 1 | 2, kernelSize: number | readonly number[], o: MaxPoolOptions) {
    super();
    const where = `MaxPool${spatial}d(kernelSize ${JSON.stringify(kernelSize)})`;
    this.#spatial = spatial;
    this.kernelSize = intTuple(kernelSize, spatial, 'kernelSize', where, 1);
    this.stride = intTuple(o.stride ?? this.kernelSize, spatial, 'stride', where, 1);
    this.padding = poolPadding(o.padding ?? 0, spatial, where);
    this.dilation = intTuple(o.dilation ?? 1, spatial, 'dilation', where, 1);
    this.ceilMode = o.ceilMode ?? false;
  }

  forward(x: Tensor): Tensor {
    checkInput(x, [this.#spatial + 2], this.#spatial === 1 ? 'N, C, L' : 'N, C, H, W', this.describe());
    const attrs = { kernelSize: this.kernelSize, strides: this.stride, pads: this.padding, dilations: this.dilation, ceilMode: this.ceilMode };
    return this.#spatial === 1 ? F.maxPool1d(x, attrs) : F.maxPool2d(x, attrs);
  }

  override extraRepr(): string {
    const v = (a: readonly number[]): string => (a.length === 1 ? String(a[0]) : `(${a.join(', ')})`);
    return `kernel_size=${v(this.kernelSize)}, stride=${v(this.stride)}, padding=${v(this.padding)}, dilation=${v(this.dilation)}, ceil_mode=${this.ceilMode ? 'True' : 'False'}`;
  }
}
