import { manualSeed, modelSpec, setBackend } from '@cnnkit/core';
import { stringOption } from '../args';
import { DATASET_NAMES, prepareImageDataset } from '../training/datasets';
import { zooOptionsFor } from '../training/model-setup';
import { runTraining } from '../training/run-training';
import { TRAINING_OPTIONS, openTrainingBackend, progressTerminal, trainingSettings } from '../training/train-options';
import type { Command } from './command';
import { infoLine } from './backend-options';
import { requiredOption } from './model-options';

/**
 * `cnnkit train`: a zoo model on a dataset, with checkpoints, metrics.jsonl, curves.html,
 * model.safetensors and run.json in the run directory, on any eager backend.
 */
export const trainCommand: Command = {
  spec: {
    name: 'train',
    brief: 'train a zoo model on a dataset; checkpoints, metrics.jsonl, curves.html, run.json',
    summary: [
      'Train a zoo model (see cnnkit models) on a dataset with cross-entropy, reporting loss, accuracy, samples/s and time left.',
      'Images are normalised by the dataset\'s mean / std (recorded in run.json so eval does the same); after every epoch the model is validated (on the test split unless --val-split holds part of train out)',
      'and checkpoint-last.safetensors (resumable with --resume) and checkpoint-best.safetensors (best val_accuracy) are written atomically with metrics.jsonl and curves.html.',
      'At the end: model.safetensors (weights for eval, predict, export) and run.json. Training needs an eager backend (cpu, tfjs).',
    ].join(' '),
    options: {
      model: { type: 'string', value: 'NAME', description: 'zoo model: lenet5, resnet20, ... (default lenet5)' },
      ...TRAINING_OPTIONS,
    },
    examples: [
      'cnnkit train --model lenet5 --dataset mnist --epochs 3 --out runs/lenet5',
      'cnnkit train --model lenet5 --dataset mnist --epochs 10 --optimizer sgd --lr 0.05 --schedule cosine --early-stopping 3',
      'cnnkit train --model lenet5 --dataset mnist --epochs 1 --limit 6400 --backend tfjs',
      'cnnkit train --out runs/lenet5 --epochs 6 --resume',
    ],
  },
  async run(values, io) {
    const modelName = modelSpec(stringOption(values, 'model') ?? 'lenet5').name;
    const dataset = requiredOption(values, 'dataset', `the data to train on: ${DATASET_NAMES.join(', ')}`, 'train');
    const settings = trainingSettings(values, 'train');
    const outDir = stringOption(values, 'out') ?? `runs/${modelName}-${dataset}`;
    const backend = await openTrainingBackend(values);
    try {
      setBackend(backend);
      io.out(infoLine(await backend.info()));
      const data = await prepareImageDataset(dataset, { batchSize: settings.batchSize, seed: settings.seed, valSplit: settings.valSplit, augment: settings.augment, ...(settings.limit !== undefined ? { limit: settings.limit } : {}) });
      const modelOptions = zooOptionsFor(modelName, data.modelOptions);
      manualSeed(settings.seed);
      const model = modelSpec(modelName).create(modelOptions);
      try {
        const terminal = progressTerminal(settings.progress);
        const run = await runTraining({
          model, modelName, modelOptions, data, epochs: settings.epochs, optimizer: settings.optimizer, schedule: settings.schedule,
          outDir, io, seed: settings.seed, resume: settings.resume, ...(terminal ? { terminal } : {}),
          ...(settings.earlyStoppingPatience !== undefined ? { earlyStoppingPatience: settings.earlyStoppingPatience } : {}),
          runInfo: { dataset, normalization: data.normalization, augment: settings.augment, ...(settings.limit !== undefined ? { limit: settings.limit } : {}), batchSize: settings.batchSize },
        });
        if (run.final?.['val_accuracy'] !== undefined) io.out(`final: val_accuracy ${(run.final['val_accuracy'] * 100).toFixed(2)}% on ${data.validationDescription}; evaluate with: cnnkit eval --run ${outDir}`);
        return 0;
      } finally {
        model.dispose();
      }
    } finally {
      await backend.dispose?.();
    }
  },
};
