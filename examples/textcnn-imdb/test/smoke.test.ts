import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '@cnnkit/backend-cpu';
import { readSafetensors, textCnn } from '@cnnkit/core';
import { Vocabulary } from '@cnnkit/datasets';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate';
import { parseOptions } from '../src/options';
import { prepareImdb } from '../src/prepare-data';
import { runExample } from '../src/run-example';

// A small, fast version of the real run: 2,000 training / 2,000 test reviews, a narrower model on
// 100 tokens, 2 epochs (~10 s on one core). Chance is 50%; this setting measured 70.9% (seed 0).
const SMOKE = ['--limit', '4000', '--epochs', '2', '--length', '100', '--embedding', '16', '--maps', '16', '--lr', '3e-3', '--seed', '0'];

describe('textcnn-imdb example (smoke run on real IMDB reviews)', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('trains, beats chance on held-out reviews, and saves weights that reproduce its predictions', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'textcnn-imdb-'));
    const options = parseOptions([...SMOKE, '--out', dir]);
    const lines: string[] = [];
    const result = await runExample(options, createBackend(), (line) => lines.push(line));

    expect(result.evaluation.accuracy).toBeGreaterThan(0.55);
    expect(result.history).toHaveLength(2);
    expect(result.history[1]!.loss).toBeLessThan(result.history[0]!.loss);
    expect(result.evaluation.report.support.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(lines.join('')).toMatch(/test accuracy \d+\.\d\d% on 2000 reviews/);

    // The saved files alone rebuild the model: same vocabulary ids, same weights, same predictions.
    const vocabulary = Vocabulary.fromJSON(JSON.parse(await readFile(result.saved.vocabulary, 'utf8')));
    const { tensors } = await readSafetensors(result.saved.weights);
    const model = textCnn({ vocabSize: vocabulary.size, embeddingDim: 16, sequenceLength: 100, featureMaps: 16, paddingIdx: 0, skipInit: true });
    model.loadStateDict(Object.fromEntries(tensors));
    const data = await prepareImdb(options);
    const again = await evaluate(model, data.test, options.sequenceLength, 2);
    expect(again.accuracy).toBe(result.evaluation.accuracy);
    expect([...again.confusion.counts]).toEqual([...result.evaluation.confusion.counts]);
  });

  it('refuses bad flags with a message naming the flag', () => {
    expect(() => parseOptions(['--epochs', '0'])).toThrow(/--epochs is "0"; expected an integer >= 1/);
    expect(() => parseOptions(['--length', '4', '--windows', '3,5'])).toThrow(/wider than --length 4/);
    expect(() => parseOptions(['--bogus', '1'])).toThrow(/Unknown option '--bogus'[\s\S]*usage:/);
    expect(parseOptions([]).learningRate).toBe(2e-3);
  });
});
