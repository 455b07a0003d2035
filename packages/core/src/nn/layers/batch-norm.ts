import { engine } from '../../eager/engine';
import * as F from '../../eager/functional';
import { CnnkitError } from '../../errors';
import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { ModuleBuffer } from '../buffer';
import { constantTensor } from '../init';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkInput, checkInt, pyFloat } from './layer-args';

export interface BatchNormOptions {
  readonly eps?: number;
  /** Weight of the new batch statistic in the running averages (0.1); null = cumulative average, as PyTorch. */
  readonly momentum?: number | null;
  /** Learnable per-channel scale (weight) and shift (bias); default true. */
  readonly affine?: boolean;
  /** Keep running_mean / running_var / num_batches_tracked for eval mode; default true. */
  readonly trackRunningStats?: boolean;
}

/**
 * What BatchNorm1d and BatchNorm2d share, with PyTorch's semantics: in train mode it normalises
 * with the batch statistics and updates the running ones (running_var from the UNBIASED batch
 * variance, n / (n − 1) times the biased one, n = values per channel); in eval mode it uses the
 * running statistics. Without running statistics it always uses the batch's.
 */
export abstract class BatchNormNd extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  readonly weight: Parameter | undefined;
  readonly bias: Parameter | undefined;
  readonly runningMean: ModuleBuffer | undefined;
  readonly runningVar: ModuleBuffer | undefined;
  readonly numBatchesTracked: ModuleBuffer | undefined;
  readonly #ranks: readonly number[];
  readonly #layout: string;

  protected constructor(name: string, ranks: readonly number[], layout: string, numFeatures: number, o: BatchNormOptions) {
    super();
    const where = `${name}(${numFeatures})`;
    this.#ranks = ranks;
    this.#layout = layout;
    this.numFeatures = checkInt(numFeatures, 'numFeatures', where, 1);
    this.eps = o.eps ?? 1e-5;
    this.momentum = o.momentum === undefined ? 0.1 : o.momentum;
    if (!(this.eps >= 0) || (this.momentum !== null && !(this.momentum >= 0 && this.momentum <= 1))) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: eps ${this.eps} and momentum ${this.momentum}; expected eps >= 0 and momentum in [0, 1] or null`);
    }
    this.affine = o.affine ?? true;
    this.trackRunningStats = o.trackRunningStats ?? true;
    const c = [numFeatures];
    this.weight = this.affine ? this.registerParameter('weight', new Parameter(constantTensor(c, 1))) : undefined;
    this.bias = this.affine ? this.registerParameter('bias', new Parameter(constantTensor(c, 0))) : undefined;
    if (this.trackRunningStats) {
      this.runningMean = this.registerBuffer('running_mean', new ModuleBuffer(constantTensor(c, 0)));
      this.runningVar = this.registerBuffer('running_var', new ModuleBuffer(constantTensor(c, 1)));
      this.numBatchesTracked = this.registerBuffer('num_batches_tracked', new ModuleBuffer(constantTensor([], 0, 'int32'), { optionalOnLoad: true }));
    }
  }

  forward(x: Tensor): Tensor {
    checkInput(x, this.#ranks, this.#layout, this.describe(), this.numFeatures);
    const scale = this.weight?.value ?? F.ones([this.numFeatures]);
    const shift = this.bias?.value ?? F.zeros([this.numFeatures]);
    const { runningMean, runningVar } = this;
    if (!this.training && runningMean && runningVar) {
      return F.batchNorm(x, scale, shift, runningMean.value, runningVar.value, { epsilon: this.eps });
    }
    const perChannel = x.size / this.numFeatures;
    if (this.training && perChannel <= 1) {
      throw new CnnkitError('SHAPE_MISMATCH', `${this.describe()}: input ${formatShape(x.shape)} has ${perChannel} value(s) per channel; expected more than 1 value per channel when training (batch statistics need several)`, { shape: x.shape });
    }
    const { y, mean, variance } = F.batchNormTraining(x, scale, shift, { epsilon: this.eps });
    if (this.training) this.#updateRunningStats(mean, variance, perChannel);
    return y;
  }

  #updateRunningStats(mean: Tensor, variance: Tensor, n: number): void {
    const { runningMean, runningVar, numBatchesTracked } = this;
    if (!runningMean || !runningVar || !numBatchesTracked) return;
    engine.noGrad(() => engine.tidy(() => {
      const tracked = F.add(numBatchesTracked.value, F.scalar(1, 'int32'));
      // momentum null: cumulative moving average, factor 1 / num_batches_tracked after the increment.
      const m = this.momentum ?? 1 / (tracked.dataSync()[0] ?? 1);
      const keep = F.scalar(1 - m);
      runningMean.assign(F.add(F.mul(runningMean.value, keep), F.mul(mean, F.scalar(m))));
      runningVar.assign(F.add(F.mul(runningVar.value, keep), F.mul(variance, F.scalar((m * n) / (n - 1)))));
      numBatchesTracked.assign(tracked);
    }));
  }

  override extraRepr(): string {
    const py = (b: boolean): string => (b ? 'True' : 'False');
    return `${this.numFeatures}, eps=${pyFloat(this.eps)}, momentum=${this.momentum === null ? 'None' : pyFloat(this.momentum)}, affine=${py(this.affine)}, track_running_stats=${py(this.trackRunningStats)}`;
  }
}
