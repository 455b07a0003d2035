import * as F from '../../eager/functional';
import { defaultRng, type Rng } from '../../random/rng';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkProbability } from './layer-args';

/**
 * torch.nn.Dropout: in train mode zeroes each value with probability p and scales the rest by
 * 1 / (1 − p); in eval mode the identity. Each training forward draws a fresh mask seed from
 * the generator (the global one unless given), so masks differ step to step yet repeat exactly
 * for the same seed.
 */
export class Dropout extends Module {
  readonly p: number;
  readonly #rng: Rng | undefined;

  constructor(p = 0.5, options: { rng?: Rng } = {}) {
    super();
    this.p = checkProbability(p, `Dropout(${p})`);
    this.#rng = options.rng;
  }

  forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    // p = 1 drops everything; the op takes ratios below 1, and x · 0 keeps PyTorch's NaN rule.
    if (this.p === 1) return F.mul(x, F.scalar(0));
    return F.dropout(x, { ratio: this.p, training: true, seed: (this.#rng ?? defaultRng()).nextSeed() });
  }

  override extraRepr(): string {
    return `p=${this.p}`;
  }
}
