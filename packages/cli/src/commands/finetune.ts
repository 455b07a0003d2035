import path from 'node:path';
import { CnnkitError, type TensorValue, manualSeed, modelSpec, nameMatcher, readSafetensors, setBackend } from '@cnnkit/core';
import { type ParsedOptions, UsageError, stringOption } from '../args';
import type { CliIo } from '../io';
import { DATASET_NAMES, prepareImageDataset } from '../training/datasets';
import { headOf, zooOptionsFor } from '../training/model-setup';
import type { ParamGroupSpec } from '../training/optimizer-spec';
import { RUN_FILES, readRunInfo } from '../training/run-files';
import { runTraining } from '../training/run-training';
import { TRAINING_OPTIONS, numberOption, openTrainingBackend, progressTerminal, trainingSettings } from '../training/train-options';
import type { Command } from './command';
import { infoLine } from './backend-options';
import { requiredOption } from './model-options';

interface Pretrained {
  readonly modelName: string;
  /** Options the pretrained model was built with (numClasses is the dataset's now). */
  readonly modelOptions: Readonly<Record<string, number>>;
  readonly weights: string;
  readonly state: Record<string, TensorValue>;
}

async function pretrained(values: ParsedOptions): Promise<Pretrained> {
  const from = stringOption(values, 'from');
  const weightsOption = stringOption(values, 'weights');
  if ((from === undefined) === (weightsOption === undefined)) throw new UsageError('give either --from DIR (a run directory) or --weights FILE (with --model) for the pretrained weights', 'finetune');
  let modelName: string;
  let modelOptions: Readonly<Record<string, number>> = {};
  let weights: string;
  if (from !== undefined) {
    const info = await readRunInfo(from);
    const given = stringOption(values, 'model');
    if (given !== undefined && modelSpec(given).name !== info.model.name) throw new UsageError(`option --model is ${given} but ${from} holds a ${info.model.name}; drop --model or give --weights`, 'finetune');
    modelName = info.model.name;
    modelOptions = info.model.options;
    weights = path.join(from, RUN_FILES.weights);
  } else {
    modelName = modelSpec(requiredOption(values, 'model', 'the zoo model the --weights are for', 'finetune')).name;
    weights = weightsOption!;
  }
  const { tensors } = await readSafetensors(weights);
  return { modelName, modelOptions, weights, state: Object.fromEntries(tensors) };
}

/** Freezes each comma-separated pattern ('conv*', 'features', ...); returns the names frozen. */
function freezePatterns(model: { freeze(p: string): string[] }, list: string | undefined): string[] {
  if (list === undefined) return [];
  const frozen = new Set<string>();
  for (const pattern of list.split(',').map((p) => p.trim()).filter(Boolean)) for (const name of model.freeze(pattern)) frozen.add(name);
  return [...frozen];
}

/** The parameter groups: the head with --head-lr, the rest with --lr (one group without --head-lr). */
function paramGroups(named: readonly [string, ParamGroupSpec['params'][number]][], head: string, headLr: number | undefined): ParamGroupSpec[] {
  const trainable = named.filter(([, p]) => p.requiresGrad);
  if (headLr === undefined) return [{ name: 'all', params: trainable.map(([, p]) => p) }];
  const isHead = nameMatcher(head);
  return [
    { name: 'body', params: trainable.filter(([n]) => !isHead(n)).map(([, p]) => p) },
    { name: `head ${head}`, params: trainable.filter(([n]) => isHead(n)).map(([, p]) => p), lr: headLr },
  ];
}

async function finetune(values: ParsedOptions, io: CliIo): Promise<number> {
  const dataset = requiredOption(values, 'dataset', `the data to fine-tune on: ${DATASET_NAMES.join(', ')}`, 'finetune');
  const settings = trainingSettings(values, 'finetune');
  const headLrText = stringOption(values, 'head-lr');
  const headLr = headLrText === undefined ? undefined : numberOption(values, 'head-lr', 0, 'finetune', (v) => v > 0, 'a learning rate > 0');
  const newHead = values['new-head'] === true;
  const source = await pretrained(values);
  const head = headOf(source.modelName);
  const outDir = stringOption(values, 'out') ?? `runs/${source.modelName}-${dataset}-finetune`;
  const backend = await openTrainingBackend(values);
  try {
    setBackend(backend);
    io.out(infoLine(await backend.info()));
    const data = await prepareImageDataset(dataset, { batchSize: settings.batchSize, seed: settings.seed, valSplit: settings.valSplit, augment: settings.augment, ...(settings.limit !== undefined ? { limit: settings.limit } : {}) });
    const modelOptions = { ...source.modelOptions, ...zooOptionsFor(source.modelName, data.modelOptions) };
    manualSeed(settings.seed);
    const model = modelSpec(source.modelName).create(modelOptions);
    try {
      const isHead = nameMatcher(head);
      const state = newHead ? Object.fromEntries(Object.entries(source.state).filter(([k]) => !isHead(k))) : source.state;
      let report;
      try {
        report = model.loadStateDict(state, { strict: !newHead });
      } catch (error) {
        throw new CnnkitError('INVALID_ARGUMENT', `pretrained weights '${source.weights}' do not fit ${source.modelName} for ${dataset} (${data.classes.length} classes): ${(error as Error).message}. Pass --new-head to replace the classifier '${head}'`, {}, { cause: error });
      }
      io.out(`pretrained: '${source.weights}': loaded ${report.loaded.length} tensors${newHead ? `; new head '${head}' (${data.classes.length} classes) left at its initial values: ${report.missing.join(', ') || 'none'}` : ''}`);
      if (report.unexpected.length || report.mismatched.length) io.out(`  not loaded: ${[...report.unexpected, ...report.mismatched.map((m) => m.key)].join(', ')}`);
      const frozen = freezePatterns(model, stringOption(values, 'freeze'));
      if (frozen.length) io.out(`frozen: ${frozen.length} tensors (${frozen.join(', ')})`);
      const groups = paramGroups(model.namedParameters(), head, headLr);
      const terminal = progressTerminal(settings.progress);
      await runTraining({
        model, modelName: source.modelName, modelOptions, data, epochs: settings.epochs, optimizer: settings.optimizer, paramGroups: groups,
        schedule: settings.schedule, outDir, io, seed: settings.seed, resume: settings.resume, ...(terminal ? { terminal } : {}),
        ...(settings.earlyStoppingPatience !== undefined ? { earlyStoppingPatience: settings.earlyStoppingPatience } : {}),
        runInfo: {
          dataset, normalization: data.normalization, augment: settings.augment, ...(settings.limit !== undefined ? { limit: settings.limit } : {}), batchSize: settings.batchSize,
          finetune: { from: source.weights, newHead: newHead ? head : null, frozen, loaded: report.loaded.length, ...(headLr !== undefined ? { headLr } : {}) },
        },
      });
      return 0;
    } finally {
      model.dispose();
    }
  } finally {
    await backend.dispose?.();
  }
}

/** `cnnkit finetune`: pretrained weights, a new head for the dataset's classes, frozen layers, then training as cnnkit train. */
export const finetuneCommand: Command = {
  spec: {
    name: 'finetune',
    brief: 'fine-tune pretrained weights on a dataset: new head, frozen layers, per-group learning rates',
    summary: [
      'Fine-tune a model from pretrained weights (a run directory with --from, or --model and --weights) on a dataset.',
      "--new-head replaces the classifier (lenet5 fc3, resnet fc, vgg classifier.6, textCnn fc) with a fresh one for the dataset's classes and loads the rest non-strictly, printing what was loaded and what was left;",
      "--freeze takes comma-separated parameter name patterns (prefixes or globs: 'conv*', 'features') whose weights stay as they are; --head-lr gives the head its own learning rate.",
      'Then trains as cnnkit train does, with the same outputs in --out.',
    ].join(' '),
    options: {
      from: { type: 'string', value: 'DIR', description: 'run directory of the pretrained model (run.json + model.safetensors)' },
      weights: { type: 'string', value: 'FILE', description: 'pretrained safetensors weights (with --model), instead of --from' },
      model: { type: 'string', value: 'NAME', description: 'zoo model the --weights are for' },
      'new-head': { type: 'boolean', description: "replace the classifier with a new one for the dataset's classes" },
      freeze: { type: 'string', value: 'PATTERNS', description: "comma-separated parameter names / globs to freeze, e.g. 'conv*'" },
      'head-lr': { type: 'string', value: 'LR', description: "learning rate of the head (default: --lr)" },
      ...TRAINING_OPTIONS,
    },
    examples: [
      "cnnkit finetune --from runs/lenet5 --dataset fashion-mnist --new-head --freeze 'conv*' --epochs 3 --out runs/fashion",
      'cnnkit finetune --model lenet5 --weights lenet5.safetensors --dataset fashion-mnist --new-head --head-lr 3e-3 --lr 3e-4',
    ],
  },
  run: finetune,
};
