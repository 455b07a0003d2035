import * as F from '../eager/functional';
import { CnnkitError } from '../errors';
import { Conv1d } from '../nn/layers/conv1d';
import { Dropout } from '../nn/layers/dropout';
import { Embedding } from '../nn/layers/embedding';
import { GlobalMaxPool1d } from '../nn/layers/global-max-pool1d';
import { Linear } from '../nn/layers/linear';
import { Module } from '../nn/module';
import { formatShape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { renormRows } from './max-norm';
import { ModuleList } from './module-list';
import { type CommonModelOptions, initPlan, intOption } from './options';

export interface TextCnnOptions extends CommonModelOptions {
  /** Default 2 (positive / negative, as IMDB or Kim's MR). */
  readonly numClasses?: number;
  /** Rows of the embedding table: token ids must lie in [0, vocabSize) (default 20,000). */
  readonly vocabSize?: number;
  /** Embedding width (default 128; Kim used 300-d word2vec vectors). */
  readonly embeddingDim?: number;
  /** Tokens per sample in inputShape() (default 400); the model takes any length >= the largest window. */
  readonly sequenceLength?: number;
  /** Filter widths (default [3, 4, 5]). */
  readonly windows?: readonly number[];
  /** Feature maps per width (default 100). */
  readonly featureMaps?: number;
  /** Dropout before the classifier (default 0.5). */
  readonly dropout?: number;
  /** Bound on the L2 norm of each classifier weight row (default 3), applied by applyMaxNorm(). */
  readonly maxNorm?: number;
  /** Embedding row for padding tokens: zeros, never updated (default: none). */
  readonly paddingIdx?: number;
}

export const TEXT_CNN_DEFAULTS = { numClasses: 2, vocabSize: 20_000, embeddingDim: 128, sequenceLength: 400, featureMaps: 100, dropout: 0.5, maxNorm: 3 } as const;

/**
 * Kim (2014)'s CNN for sentence classification, "CNN-non-static" (the embedding trains; call
 * model.freeze('embedding') for CNN-static once it holds pretrained vectors):
 *
 *   int32 token ids [N, L] – embedding [N, L, E] – transposed to [N, E, L] – for each window k of
 *   3, 4, 5: Conv1d(E, 100, k) – ReLU – max over time [N, 100] – concatenated [N, 300] – dropout
 *   0.5 – fc Linear(300, numClasses)
 *
 * Kim's max-norm constraint (‖w‖₂ <= 3 for each row of fc.weight, rescaled after each step) is
 * applyMaxNorm(), or maxNormConstraint(model) as a fit() callback. Keys: embedding.weight,
 * convs.0.weight ... convs.2.bias, fc.weight, fc.bias. Every layer keeps PyTorch's default init.
 */
export class TextCnn extends Module {
  readonly windows: readonly number[];
  readonly maxNorm: number;
  embedding: Embedding;
  convs: ModuleList<Conv1d>;
  pool: GlobalMaxPool1d;
  dropout: Dropout;
  fc: Linear;

  constructor(options: TextCnnOptions = {}) {
    super();
    const where = 'textCnn';
    const d = TEXT_CNN_DEFAULTS;
    const numClasses = intOption(options.numClasses, d.numClasses, 'numClasses', where, 1);
    const vocabSize = intOption(options.vocabSize, d.vocabSize, 'vocabSize', where, 1);
    const embeddingDim = intOption(options.embeddingDim, d.embeddingDim, 'embeddingDim', where, 1);
    const featureMaps = intOption(options.featureMaps, d.featureMaps, 'featureMaps', where, 1);
    const windows = options.windows ?? [3, 4, 5];
    if (windows.length === 0 || !windows.every((k) => Number.isInteger(k) && k >= 1)) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: windows is ${JSON.stringify(options.windows)}; expected a non-empty list of integers >= 1`);
    }
    this.windows = [...windows];
    intOption(options.sequenceLength, d.sequenceLength, 'sequenceLength', where, Math.max(...windows), ' (the largest window)');
    this.maxNorm = options.maxNorm ?? d.maxNorm;
    if (!(this.maxNorm > 0 && Number.isFinite(this.maxNorm))) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: maxNorm is ${JSON.stringify(options.maxNorm)}; expected a finite number > 0`);
    }
    const layers = initPlan(options).kept((rng) => ({
      embedding: new Embedding(vocabSize, embeddingDim, { rng, paddingIdx: options.paddingIdx }),
      convs: new ModuleList(this.windows.map((k) => new Conv1d(embeddingDim, featureMaps, k, { rng }))),
      fc: new Linear(featureMaps * this.windows.length, numClasses, { rng }),
    }));
    this.embedding = this.register('embedding', layers.embedding);
    this.convs = this.register('convs', layers.convs);
    this.pool = this.register('pool', new GlobalMaxPool1d());
    this.dropout = this.register('dropout', new Dropout(options.dropout ?? d.dropout));
    this.fc = this.register('fc', layers.fc);
  }

  forward(ids: Tensor): Tensor {
    const longest = Math.max(...this.windows);
    if (ids.rank !== 2 || ids.dtype !== 'int32' || ids.shape[1]! < longest) {
      throw new CnnkitError(ids.dtype === 'int32' ? 'SHAPE_MISMATCH' : 'DTYPE_MISMATCH', `${this.describe()}: input is ${ids.dtype} ${formatShape(ids.shape)}; expected int32 token ids [N, L] with L >= ${longest} (the largest window)`, { shape: ids.shape });
    }
    const embedded = F.transpose(this.embedding.call(ids), [0, 2, 1]);
    const pooled = this.convs.items.map((conv) => this.pool.call(F.relu(conv.call(embedded))));
    return this.fc.call(this.dropout.call(F.concat(pooled, 1)));
  }

  /** Rescales each row of fc.weight whose L2 norm exceeds maxNorm to norm maxNorm (Kim 2014); call after optimizer.step(). */
  applyMaxNorm(): void {
    renormRows(this.fc.weight, this.maxNorm, `${this.describe()}.applyMaxNorm (fc.weight)`);
  }

  override extraRepr(): string {
    return `windows=(${this.windows.join(', ')}), max_norm=${this.maxNorm}`;
  }
}

export function textCnn(options: TextCnnOptions = {}): TextCnn {
  return new TextCnn(options);
}
