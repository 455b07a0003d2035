import * as F from '../../eager/functional';
import { CnnkitError } from '../../errors';
import { formatShape } from '../../tensor/shape';
import type { Rng } from '../../random/rng';
import type { Tensor } from '../../tensor/tensor';
import { defaultInitParameter } from '../init';
import { Module } from '../module';
import type { Parameter } from '../parameter';
import { checkInt } from './layer-args';

export interface LinearOptions {
  readonly bias?: boolean;
  /** Generator for the initial weights (default: the global one, see manualSeed). */
  readonly rng?: Rng;
}

/**
 * torch.nn.Linear: y = x Wᵀ + b over the last axis, weight [out, in]; weight and bias start
 * U(−1/√in, 1/√in) as PyTorch's default.
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Parameter;
  readonly bias: Parameter | undefined;

  constructor(inFeatures: number, outFeatures: number, o: LinearOptions = {}) {
    super();
    const where = `Linear(${inFeatures}, ${outFeatures})`;
    this.inFeatures = checkInt(inFeatures, 'inFeatures', where, 1);
    this.outFeatures = checkInt(outFeatures, 'outFeatures', where, 1);
    this.weight = this.registerParameter('weight', defaultInitParameter([outFeatures, inFeatures], inFeatures, o.rng));
    this.bias = (o.bias ?? true) ? this.registerParameter('bias', defaultInitParameter([outFeatures], inFeatures, o.rng)) : undefined;
  }

  forward(x: Tensor): Tensor {
    if (x.rank < 1 || x.shape[x.rank - 1] !== this.inFeatures) {
      throw new CnnkitError('SHAPE_MISMATCH', `${this.describe()}: input has shape ${formatShape(x.shape)}; expected [..., ${this.inFeatures}] (in_features last)`, { shape: x.shape });
    }
    return F.linear(x, this.weight.value, this.bias?.value);
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${this.bias ? 'True' : 'False'}`;
  }
}
