import type { Tf, TfTensor } from './tf-types';

/**
 * Random weights for a raw-tfjs model. Values do not change the speed of a dense float32 run,
 * except that they must stay finite and away from denormals: He-scaled normals keep activations
 * at unit scale through deep ResNets. Every tensor made is kept so dispose() frees them all.
 */
export class RawWeights {
  readonly #tf: Tf;
  readonly #all: TfTensor[] = [];

  constructor(tf: Tf) {
    this.#tf = tf;
  }

  /** Conv filter in tfjs's layout [kh, kw, in, out] (conv1d: [k, in, out]). */
  filter(shape: number[]): TfTensor {
    const fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    return this.#keep(this.#tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', this.#all.length + 1));
  }

  /** Dense weight [in, out]. */
  dense(inputs: number, outputs: number): TfTensor {
    return this.filter([inputs, outputs]);
  }

  bias(size: number): TfTensor {
    return this.#keep(this.#tf.randomNormal([size], 0, 0.01, 'float32', this.#all.length + 1));
  }

  table(rows: number, width: number): TfTensor {
    return this.#keep(this.#tf.randomNormal([rows, width], 0, 1, 'float32', this.#all.length + 1));
  }

  dispose(): void {
    for (const t of this.#all.splice(0)) t.dispose();
  }

  #keep(t: TfTensor): TfTensor {
    this.#all.push(t);
    return t;
  }
}
