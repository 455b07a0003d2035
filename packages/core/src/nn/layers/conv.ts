import type { Padding, PaddingMode } from '../../ops/attributes';
import { CnnkitError } from '../../errors';
import * as F from '../../eager/functional';
import type { Rng } from '../../random/rng';
import type { Tensor } from '../../tensor/tensor';
import { defaultInitParameter } from '../init';
import { Module } from '../module';
import type { Parameter } from '../parameter';
import { checkInput, checkInt, intTuple } from './layer-args';

export interface ConvOptions {
  readonly stride?: number | readonly number[];
  /**
   * A number or one per spatial axis (symmetric, as PyTorch), 'valid' (0) or 'same' (output
   * size ceil(in / stride), the odd unit at the end); 2 × spatial numbers give explicit
   * ONNX-ordered pads (all begins, then all ends).
   */
  readonly padding?: number | readonly number[] | 'same' | 'valid';
  readonly dilation?: number | readonly number[];
  readonly groups?: number;
  readonly bias?: boolean;
  /** 'zeros' or 'circular' (PyTorch's 'reflect' and 'replicate' are not in the op set). */
  readonly paddingMode?: PaddingMode;
  /** Generator for the initial weights (default: the global one, see manualSeed). */
  readonly rng?: Rng;
}

/**
 * What Conv1d and Conv2d share: PyTorch's argument handling, OI(H)W weights and default
 * initialisation (weight and bias U(−1/√fan_in, 1/√fan_in), fan_in = in / groups × kernel size).
 */
export abstract class ConvNd extends Module {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: readonly number[];
  readonly stride: readonly number[];
  readonly padding: Padding;
  readonly dilation: readonly number[];
  readonly groups: number;
  readonly paddingMode: PaddingMode;
  readonly weight: Parameter;
  readonly bias: Parameter | undefined;
  readonly #spatial: 1 | 2;

  protected constructor(spatial: 1 | 2, inChannels: number, outChannels: number, kernelSize: number | readonly number[], o: ConvOptions) {
    super();
    const where = `Conv${spatial}d(${inChannels}, ${outChannels}, kernelSize ${JSON.stringify(kernelSize)})`;
    this.#spatial = spatial;
    this.inChannels = checkInt(inChannels, 'inChannels', where, 1);
    this.outChannels = checkInt(outChannels, 'outChannels', where, 1);
    this.kernelSize = intTuple(kernelSize, spatial, 'kernelSize', where, 1);
    this.stride = intTuple(o.stride ?? 1, spatial, 'stride', where, 1);
    this.dilation = intTuple(o.dilation ?? 1, spatial, 'dilation', where, 1);
    this.groups = checkInt(o.groups ?? 1, 'groups', where, 1);
    if (inChannels % this.groups !== 0 || outChannels % this.groups !== 0) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: groups ${this.groups} must divide inChannels ${inChannels} and outChannels ${outChannels}`);
    }
    this.padding = convPadding(o.padding ?? 0, spatial, where);
    const mode: string = o.paddingMode ?? 'zeros';
    if (mode !== 'zeros' && mode !== 'circular') {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: paddingMode '${mode}' is not supported; expected 'zeros' or 'circular'`);
    }
    this.paddingMode = mode;
    const fanIn = (inChannels / this.groups) * this.kernelSize.reduce((a, b) => a * b, 1);
    this.weight = this.registerParameter('weight', defaultInitParameter([outChannels, inChannels / this.groups, ...this.kernelSize], fanIn, o.rng));
    this.bias = (o.bias ?? true) ? this.registerParameter('bias', defaultInitParameter([outChannels], fanIn, o.rng)) : undefined;
  }

  forward(x: Tensor): Tensor {
    checkInput(x, [this.#spatial + 2], this.#spatial === 1 ? 'N, C, L' : 'N, C, H, W', this.describe(), this.inChannels);
    const attrs = { strides: this.stride, pads: this.padding, dilations: this.dilation, groups: this.groups, paddingMode: this.paddingMode };
    return this.#spatial === 1
      ? F.conv1d(x, this.weight.value, this.bias?.value, attrs)
      : F.conv2d(x, this.weight.value, this.bias?.value, attrs);
  }

  override extraRepr(): string {
    const tuple = (v: readonly number[]): string => `(${v.join(', ')}${v.length === 1 ? ',' : ''})`;
    const parts = [`${this.inChannels}, ${this.outChannels}, kernel_size=${tuple(this.kernelSize)}, stride=${tuple(this.stride)}`];
    if (this.padding !== 'valid') parts.push(`padding=${typeof this.padding === 'string' ? `'${this.padding}'` : tuple(this.padding)}`);
    if (this.dilation.some((d) => d !== 1)) parts.push(`dilation=${tuple(this.dilation)}`);
    if (this.groups !== 1) parts.push(`groups=${this.groups}`);
    if (!this.bias) parts.push('bias=False');
    if (this.paddingMode !== 'zeros') parts.push(`padding_mode='${this.paddingMode}'`);
    return parts.join(', ');
  }
}

/** PyTorch's padding argument as the op set's: 0 is 'valid', symmetric lists stay per axis. */
function convPadding(value: number | readonly number[] | 'same' | 'valid', spatial: number, where: string): Padding {
  if (value === 'same' || value === 'valid') return value;
  if (typeof value !== 'number' && Array.isArray(value) && value.length === 2 * spatial) return intTuple(value, 2 * spatial, 'padding', where, 0);
  const pads = intTuple(value, spatial, 'padding', where, 0);
  return pads.every((p) => p === 0) ? 'valid' : pads;
}
