import {
  type Batch, type DataSource, F, Rng, SGD, TextCnn, createModel, crossEntropy, fit, isCnnkitError, maxNormConstraint, renormRows,
} from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, read, t, useCpu } from '../training/layers/helpers';

beforeAll(useCpu);

/** One window of one feature map: fc.weight is [numClasses, 3]. */
const tinyTextCnn = (rng = new Rng(1)): TextCnn => createModel('textCnn', { vocabSize: 12, embeddingDim: 4, numClasses: 3, sequenceLength: 6, rng }) as TextCnn;

function rowNorms(w: ArrayLike<number>, cols: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < w.length / cols; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += w[r * cols + c]! ** 2;
    out.push(Math.sqrt(s));
  }
  return out;
}

describe('max-norm 3 on the classifier rows (Kim 2014)', () => {
  it('rescales a row past the bound to norm 3 and leaves the others bit for bit', () => {
    const model = new TextCnn({ vocabSize: 5, embeddingDim: 2, featureMaps: 1, numClasses: 3 });
    // Row norms 5 (3-4-5 triangle), exactly 3, and 1.
    model.fc.weight.assign(t([3, 4, 0, 0, 3, 0, 0.6, 0, 0.8], [3, 3]));
    model.applyMaxNorm();
    // 3 / 5 · [3, 4, 0] = [1.8, 2.4, 0].
    const w = read(model.fc.weight.value);
    expectClose(w.slice(0, 3), [1.8, 2.4, 0], 1e-6);
    expect(w.slice(3)).toEqual([0, 3, 0, Math.fround(0.6), 0, Math.fround(0.8)]);
    expect(model.maxNorm).toBe(3);
  });

  it('honours another bound, and records no gradient', () => {
    const model = new TextCnn({ vocabSize: 5, embeddingDim: 2, featureMaps: 1, numClasses: 2, maxNorm: 1 });
    model.fc.weight.assign(t([0, 2, 0, 0.5, 0, 0], [2, 3]));
    model.applyMaxNorm();
    expect(read(model.fc.weight.value)).toEqual([0, 1, 0, 0.5, 0, 0]);
    expect(model.fc.weight.grad).toBeUndefined();
  });

  it('renormRows refuses a bad bound or a weight that is not [out, in]', () => {
    const model = tinyTextCnn();
    const message = (fn: () => void): string => {
      try {
        fn();
      } catch (e) {
        if (isCnnkitError(e)) return e.message;
      }
      return '(no CnnkitError)';
    };
    expect(message(() => renormRows(model.fc.weight, 0))).toBe('renormRows: maxNorm is 0; expected a finite number > 0');
    expect(message(() => renormRows(model.fc.bias!, 3))).toBe('renormRows: weight has rank 1; expected a rank-2 [out, in] weight, one row per output');
    expect(message(() => new TextCnn({ maxNorm: -1, vocabSize: 3 }))).toBe('textCnn: maxNorm is -1; expected a finite number > 0');
  });
});

describe('maxNormConstraint as a fit() callback', () => {
  /** 8 token sequences of 6 ids, label = which third of the vocabulary dominates: learnable fast. */
  const source: DataSource = {
    size: 8,
    numBatches: 2,
    *batches(): Iterable<Batch> {
      for (let b = 0; b < 2; b++) {
        const ids: number[] = [];
        const labels: number[] = [];
        for (let i = 0; i < 4; i++) {
          const label = (b * 4 + i) % 3;
          labels.push(label);
          for (let j = 0; j < 6; j++) ids.push(label * 4 + ((i + j) % 4));
        }
        yield { x: F.tensor(ids, [4, 6], 'int32'), y: F.tensor(labels, [4], 'int32') };
      }
    },
  };

  async function train(constrained: boolean): Promise<number[]> {
    const model = tinyTextCnn(new Rng(9));
    // A huge learning rate pushes the classifier rows far past norm 3 within a few steps (to about 3,000).
    const optimizer = new SGD(model.parameters(), { lr: 1 });
    await fit(model, { train: source, epochs: 3, loss: (out, y) => crossEntropy(out, y), optimizer, seed: 1, callbacks: constrained ? [maxNormConstraint(model)] : [] });
    return rowNorms(read(model.fc.weight.value), 300);
  }

  it('keeps every row at norm <= 3 where training alone does not', async () => {
    const free = await train(false);
    expect(Math.max(...free)).toBeGreaterThan(30);
    const bounded = await train(true);
    for (const n of bounded) expect(n).toBeLessThanOrEqual(3 + 1e-5);
    expect(Math.max(...bounded)).toBeGreaterThan(2.99);
  });
});
