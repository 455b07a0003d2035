import { type TextDataset, Vocabulary, loadImdb, padSequences, tokenize } from '@cnnkit/datasets';

/** One split as the model sees it: n × length token ids, row-major, and n labels. */
export interface EncodedSplit {
  readonly ids: Int32Array;
  readonly labels: Int32Array;
  readonly size: number;
}

export interface PreparedImdb {
  readonly train: EncodedSplit;
  readonly test: EncodedSplit;
  readonly vocabulary: Vocabulary;
  readonly classes: readonly string[];
  /** Share of test tokens (before truncation) the training vocabulary does not know. */
  readonly testUnknownShare: number;
  /** Share of reviews longer than the sequence length (they lose their beginning). */
  readonly truncatedShare: number;
}

export interface PrepareOptions {
  readonly seed: number;
  readonly limit: number | undefined;
  readonly vocabSize: number;
  readonly minFrequency: number;
  readonly sequenceLength: number;
}

/**
 * Loads the seeded 50/50 split, tokenizes, builds the vocabulary from the training reviews only
 * (the test set must not leak into it) and pads / truncates every review to sequenceLength.
 * Long reviews keep their end ('pre' truncation): reviewers tend to state the verdict last.
 */
export async function prepareImdb(o: PrepareOptions): Promise<PreparedImdb> {
  const { train, test } = await loadImdb({ seed: o.seed, testFraction: 0.5, ...(o.limit !== undefined ? { limit: o.limit } : {}) });
  const trainTokens = train.texts.map(tokenize);
  const testTokens = test.texts.map(tokenize);
  const vocabulary = Vocabulary.build(trainTokens, { minFrequency: o.minFrequency, maxSize: o.vocabSize });
  const encode = (tokens: readonly string[][], split: TextDataset): EncodedSplit => ({
    ids: padSequences(tokens.map((t) => vocabulary.encode(t)), { length: o.sequenceLength, truncate: 'pre', pad: 'post' }),
    labels: split.labels,
    size: split.labels.length,
  });
  let unknown = 0;
  let total = 0;
  for (const review of testTokens) {
    for (const token of review) if (vocabulary.id(token) === vocabulary.unkId) unknown++;
    total += review.length;
  }
  const truncated = [...trainTokens, ...testTokens].filter((t) => t.length > o.sequenceLength).length;
  return {
    train: encode(trainTokens, train),
    test: encode(testTokens, test),
    vocabulary,
    classes: train.classes,
    testUnknownShare: total === 0 ? 0 : unknown / total,
    truncatedShare: truncated / Math.max(1, trainTokens.length + testTokens.length),
  };
}
