import path from 'node:path';
import { type Module, init, modelSpec, writeFileAtomic } from '@cnnkit/core';
import { type ParsedOptions, UsageError, intOption, stringOption } from '../args';
import type { CliIo } from '../io';
import { loadWeights } from '../predict/load-weights';
import { DATASET_NAMES, DATASET_NORMALIZATION, type SplitName, loadEvalSet, loadImageSplit } from '../training/datasets';
import { evaluateModel } from '../training/evaluate';
import { evaluationJson, formatEvaluation } from '../training/format-evaluation';
import { grouped } from '../training/format-numbers';
import { zooOptionsFor } from '../training/model-setup';
import { type Normalization, RUN_FILES, readRunInfo } from '../training/run-files';
import type { Command } from './command';
import { BACKEND_OPTION, DEVICE_OPTION, infoLine, openBackend } from './backend-options';
import { requiredOption } from './model-options';

interface EvalTarget {
  readonly modelName: string;
  readonly modelOptions: Readonly<Record<string, number>>;
  readonly weights: string;
  readonly dataset: string;
  readonly normalization: Normalization | undefined;
}

/** From --run DIR (run.json + model.safetensors) or from --model, --weights and --dataset. */
async function target(values: ParsedOptions): Promise<EvalTarget> {
  const runDir = stringOption(values, 'run');
  if (runDir !== undefined) {
    for (const other of ['model', 'weights']) {
      if (stringOption(values, other) !== undefined) throw new UsageError(`option --${other} comes from --run's run.json; give either --run DIR or --model, --weights and --dataset`, 'eval');
    }
    const info = await readRunInfo(runDir);
    const dataset = stringOption(values, 'dataset') ?? (typeof info.dataset === 'string' ? info.dataset : requiredOption(values, 'dataset', 'the data to evaluate on (run.json names none)', 'eval'));
    return { modelName: info.model.name, modelOptions: info.model.options, weights: path.join(runDir, RUN_FILES.weights), dataset, normalization: info.normalization };
  }
  const modelName = modelSpec(requiredOption(values, 'model', 'the zoo model to evaluate, or --run DIR', 'eval')).name;
  const weights = requiredOption(values, 'weights', "the safetensors file with the model's weights (or --run DIR)", 'eval');
  const dataset = requiredOption(values, 'dataset', `the data to evaluate on: ${DATASET_NAMES.join(', ')}`, 'eval');
  const sample = await loadImageSplit(dataset, 'test', 1);
  return { modelName, modelOptions: zooOptionsFor(modelName, { numClasses: sample.classes.length, inputSize: sample.shape[1]! }), weights, dataset, normalization: DATASET_NORMALIZATION[dataset] };
}

async function evaluate(values: ParsedOptions, io: CliIo, t: EvalTarget): Promise<number> {
  const split = (stringOption(values, 'split') ?? 'test') as SplitName;
  if (split !== 'test' && split !== 'train') throw new UsageError(`option --split is '${split}'; expected test or train`, 'eval');
  const batchSize = intOption(values, 'batch-size', 256, 'eval');
  const limitText = stringOption(values, 'limit');
  const limit = limitText === undefined ? undefined : intOption(values, 'limit', 0, 'eval');
  const jsonFile = stringOption(values, 'json');
  const data = await loadEvalSet(t.dataset, split, t.normalization, limit);
  // Every weight is about to be replaced by the file's: drawing initial ones would only cost time.
  const model: Module = init.withoutInitDraws(() => modelSpec(t.modelName).create({ ...t.modelOptions, skipInit: true }));
  try {
    const tensors = await loadWeights(model, t.weights, t.modelName);
    const backend = await openBackend(values);
    try {
      io.out(infoLine(await backend.info()));
      io.out(`model: ${t.modelName}, ${grouped(model.parameterCount())} parameters, eval mode; weights '${t.weights}' (${tensors} tensors)`);
      const norm = t.normalization ? `, normalised with mean ${t.normalization.mean.join('/')} std ${t.normalization.std.join('/')}` : '';
      io.out(`data: ${data.description}${norm}`);
      const result = await evaluateModel(model, data, backend, { batchSize });
      for (const line of formatEvaluation(result)) io.out(line);
      if (jsonFile !== undefined) {
        await writeFileAtomic(jsonFile, `${JSON.stringify({ model: t.modelName, weights: t.weights, dataset: t.dataset, split, ...(evaluationJson(result) as object) }, null, 2)}\n`);
        io.out(`metrics: written to '${jsonFile}'`);
      }
      return 0;
    } finally {
      await backend.dispose?.();
    }
  } finally {
    model.dispose();
  }
}

/** `cnnkit eval`: accuracy, per-class precision / recall / F1 and the confusion matrix of a trained model on any backend. */
export const evalCommand: Command = {
  spec: {
    name: 'eval',
    brief: 'evaluate a trained model: accuracy, per-class precision / recall / F1, confusion matrix',
    summary: [
      'Evaluate a trained model on a dataset split on any backend (cpu, tfjs, onnxruntime): the model, in eval mode, is traced into a graph and compiled on the backend.',
      'Prints the accuracy, a per-class table of precision, recall, F1 and support with macro and weighted averages (sklearn\'s classification_report), the confusion matrix with class names, and the time per batch.',
      'With --run DIR the model, its weights, the dataset and the normalisation come from the run directory cnnkit train wrote.',
    ].join(' '),
    options: {
      run: { type: 'string', value: 'DIR', description: 'run directory from cnnkit train / finetune (run.json + model.safetensors)' },
      model: { type: 'string', value: 'NAME', description: 'zoo model (without --run)' },
      weights: { type: 'string', value: 'FILE', description: 'safetensors weights (without --run)' },
      dataset: { type: 'string', value: 'NAME', description: `${DATASET_NAMES.join(', ')} (default with --run: the one it trained on)` },
      split: { type: 'string', value: 'SPLIT', description: 'test (default) or train' },
      limit: { type: 'string', value: 'N', description: 'evaluate on the first N samples only' },
      'batch-size': { type: 'string', value: 'N', description: 'samples per run of the compiled graph (default 256)' },
      json: { type: 'string', value: 'FILE', description: 'also write the metrics as JSON here (atomically)' },
      backend: BACKEND_OPTION,
      device: DEVICE_OPTION,
    },
    examples: [
      'cnnkit eval --run runs/lenet5',
      'cnnkit eval --run runs/lenet5 --backend onnxruntime --json metrics.json',
      'cnnkit eval --model lenet5 --weights lenet5.safetensors --dataset mnist',
    ],
  },
  async run(values, io) {
    return evaluate(values, io, await target(values));
  },
};
