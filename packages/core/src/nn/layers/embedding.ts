import { engine } from '../../eager/engine';
import * as F from '../../eager/functional';
import { CnnkitError } from '../../errors';
import { defaultRng, type Rng } from '../../random/rng';
import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { createModuleTensor } from '../placement';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkInt } from './layer-args';

export interface EmbeddingOptions {
  /** Row that marks padding: initialised to zeros and never updated (no gradient reaches it), as PyTorch. Negative counts from the end. */
  readonly paddingIdx?: number;
  /** Generator for the initial N(0, 1) weights (default: the global one). */
  readonly rng?: Rng;
}

/** torch.nn.Embedding: int32 indices of any shape -> their rows of weight [num, dim], shape [...indices, dim]. */
export class Embedding extends Module {
  readonly numEmbeddings: number;
  readonly embeddingDim: number;
  readonly paddingIdx: number | undefined;
  readonly weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, o: EmbeddingOptions = {}) {
    super();
    const where = `Embedding(${numEmbeddings}, ${embeddingDim})`;
    this.numEmbeddings = checkInt(numEmbeddings, 'numEmbeddings', where, 1);
    this.embeddingDim = checkInt(embeddingDim, 'embeddingDim', where, 1);
    if (o.paddingIdx !== undefined) {
      const p = checkInt(o.paddingIdx, 'paddingIdx', where, -numEmbeddings);
      if (p >= numEmbeddings) throw new CnnkitError('INVALID_ARGUMENT', `${where}: paddingIdx ${p}; expected an index in [-${numEmbeddings}, ${numEmbeddings})`);
      this.paddingIdx = p < 0 ? p + numEmbeddings : p;
    }
    const rng = o.rng ?? defaultRng();
    const data = new Float32Array(numEmbeddings * embeddingDim);
    for (let i = 0; i < data.length; i++) data[i] = rng.nextNormal();
    if (this.paddingIdx !== undefined) data.fill(0, this.paddingIdx * embeddingDim, (this.paddingIdx + 1) * embeddingDim);
    this.weight = this.registerParameter('weight', new Parameter(createModuleTensor({ dtype: 'float32', shape: [numEmbeddings, embeddingDim], data })));
  }

  forward(indices: Tensor): Tensor {
    if (indices.dtype !== 'int32') {
      throw new CnnkitError('DTYPE_MISMATCH', `${this.describe()}: indices are ${indices.dtype} ${formatShape(indices.shape)}; expected int32`);
    }
    const rows = F.gather(this.weight.value, indices, 0);
    // The padding row's gradient stop changes no value and reads the indices: a trace (no
    // gradients, no values) leaves it out.
    return this.paddingIdx === undefined || engine.tracer ? rows : this.#stopPaddingGradient(indices, rows);
  }

  /**
   * PyTorch's padding_idx: the padding row gets no gradient. rows · m + c with m = 0 at
   * padding positions (1 elsewhere) and c = the padding row there, made without recording:
   * the forward values are unchanged and the gradient to the padding row is zero.
   */
  #stopPaddingGradient(indices: Tensor, rows: Tensor): Tensor {
    const pad = this.paddingIdx!;
    const ids = indices.dataSync();
    if (!ids.includes(pad)) return rows;
    const mask = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) mask[i] = ids[i] === pad ? 0 : 1;
    const keepRows = F.tensor(mask, [...indices.shape, 1]);
    const padRows = engine.noGrad(() => {
      const padRow = F.reshape(F.gather(this.weight.value, F.tensor([pad], [1], 'int32'), 0), [this.embeddingDim]);
      return F.mul(padRow, F.sub(F.scalar(1), keepRows));
    });
    return F.add(F.mul(rows, keepRows), padRows);
  }

  override extraRepr(): string {
    return `${this.numEmbeddings}, ${this.embeddingDim}${this.paddingIdx === undefined ? '' : `, padding_idx=${this.paddingIdx}`}`;
  }
}
