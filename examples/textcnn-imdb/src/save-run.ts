import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Module, writeFileAtomic, writeSafetensors } from '@cnnkit/core';
import type { Vocabulary } from '@cnnkit/datasets';

export interface SavedRun {
  readonly weights: string;
  readonly vocabulary: string;
  readonly summary: string;
}

/**
 * Writes what a later prediction needs, each file atomically (an interrupted run leaves the
 * previous files whole): the weights as safetensors (PyTorch's state-dict names, so
 * safetensors.torch.load_file reads them into the same model), the vocabulary that maps words to
 * the ids those weights expect, and the run's summary with the options that built the model.
 */
export async function saveRun(dir: string, model: Module, vocabulary: Vocabulary, summary: Readonly<Record<string, unknown>>): Promise<SavedRun> {
  await mkdir(dir, { recursive: true });
  const files: SavedRun = {
    weights: path.join(dir, 'textcnn-imdb.safetensors'),
    vocabulary: path.join(dir, 'vocabulary.json'),
    summary: path.join(dir, 'summary.json'),
  };
  await writeSafetensors(files.weights, await model.stateDict(), { format: 'pt', model: 'textCnn' });
  await writeFileAtomic(files.vocabulary, `${JSON.stringify(vocabulary.toJSON())}\n`);
  await writeFileAtomic(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  return files;
}
