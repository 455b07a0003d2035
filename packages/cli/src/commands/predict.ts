import { readFile } from 'node:fs/promises';
import { type Backend, CnnkitError, type Graph, type Module, type TensorValue, formatShape, init, modelSpec, readNpy, traceModule, writeNpy } from '@cnnkit/core';
import { importOnnx } from '@cnnkit/onnx';
import { type ParsedOptions, UsageError, intOption, stringOption } from '../args';
import { thousands } from '../demo/format';
import { type BatchedInput, type SampleSpec, batchedInput } from '../predict/batch-input';
import { loadWeights } from '../predict/load-weights';
import { onnxSample } from '../predict/onnx-sample';
import { runGraph } from '../predict/run-graph';
import { softmaxRow, topK } from '../predict/top-k';
import type { CliIo } from '../io';
import type { Command } from './command';
import { BACKEND_OPTION, DEVICE_OPTION, infoLine, openBackend } from './backend-options';
import { INPUT_SIZE_OPTION, NUM_CLASSES_OPTION, requiredOption, zooOptions } from './model-options';

const probability = (p: number): string => p.toFixed(4);

const isOnnxFile = (model: string): boolean => model.toLowerCase().endsWith('.onnx');

interface Prepared {
  /** What the model is, for the line after the backend's. */
  readonly description: string;
  readonly graph: Graph;
  readonly label: string;
  readonly sample: SampleSpec;
}

/** Runs the prepared graph on the backend the options name; prints top classes, writes logits. */
async function classify(values: ParsedOptions, io: CliIo, prepared: Prepared, inputFile: string, input: BatchedInput): Promise<number> {
  const outputFile = stringOption(values, 'output');
  const k = intOption(values, 'top', 5, 'predict');
  const { graph, label, sample } = prepared;
  const backend: Backend = await openBackend(values);
  try {
    io.out(infoLine(await backend.info()));
    io.out(prepared.description);
    const n = input.value.shape[0]!;
    const given = input.addedBatchAxis ? `one sample ${formatShape(sample.shape)} without a batch axis: added one, ${formatShape(input.value.shape)}` : `${n} sample${n === 1 ? '' : 's'} ${formatShape(input.value.shape)}`;
    io.out(`input: '${inputFile}', ${sample.dtype}, ${given}`);

    const began = performance.now();
    const logits = await runGraph(backend, graph, input.value, label);
    const ms = performance.now() - began;
    io.out(`inference: ${n} sample${n === 1 ? '' : 's'} in ${ms.toFixed(1)} ms`);

    if (logits.dtype !== 'float32' || logits.shape.length !== 2 || logits.shape[0] !== n) {
      throw new CnnkitError('BACKEND_INVALID', `${label} on backend '${backend.name}': output is ${logits.dtype} ${formatShape(logits.shape)}; expected float32 logits [${n}, classes]`);
    }
    const classes = logits.shape[1]!;
    const data = logits.data as Float32Array;
    io.out(`top ${Math.min(k, classes)} of ${classes} classes per sample (class: softmax probability):`);
    for (let i = 0; i < n; i++) {
      const ranked = topK(softmaxRow(data, i, classes), k);
      io.out(`  sample ${i}: ${ranked.map((c) => `${c.index}: ${probability(c.probability)}`).join(', ')}`);
    }
    if (outputFile !== undefined) {
      await writeNpy(outputFile, logits);
      io.out(`logits: ${formatShape(logits.shape)} float32 written to '${outputFile}'`);
    }
    return 0;
  } finally {
    await backend.dispose?.();
  }
}

/** An ONNX file: imported into a graph (weights included), so any backend runs it. */
async function predictOnnx(values: ParsedOptions, io: CliIo, file: string, inputFile: string): Promise<number> {
  for (const zooOnly of ['weights', 'num-classes', 'input-size']) {
    if (stringOption(values, zooOnly) !== undefined) throw new UsageError(`option --${zooOnly} is for zoo models; an ONNX file carries its own weights and shapes`, 'predict');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CnnkitError('IO', `cannot read ONNX model '${file}': ${(error as Error).message}`, { file }, { cause: error });
  }
  const graph = importOnnx(bytes, { source: file });
  const sample = onnxSample(graph, file);
  const value: TensorValue = await readNpy(inputFile);
  const input = batchedInput(value, sample, inputFile, `'${file}'`);
  const weights = Object.values(graph.initializers).reduce((sum, t) => sum + t.data.length, 0);
  const description = `model: '${file}' (ONNX), ${graph.nodes.length} nodes, ${thousands(weights)} weights; input '${graph.inputs[0]!.name}' ${formatShape(graph.inputs[0]!.shape)}`;
  return classify(values, io, { description, graph, label: file, sample }, inputFile, input);
}

/** A zoo model with safetensors weights, traced with a symbolic batch. */
async function predictZoo(values: ParsedOptions, io: CliIo, name: string, inputFile: string): Promise<number> {
  const weightsFile = requiredOption(values, 'weights', 'the safetensors file with the model\'s weights', 'predict');
  const spec = modelSpec(name);
  const options = zooOptions(values, 'predict');
  const sample = spec.inputShape(options);
  const input = batchedInput(await readNpy(inputFile), sample, inputFile, spec.name);

  // Every weight is about to be replaced by the file's: drawing initial ones would only cost time.
  const model: Module = init.withoutInitDraws(() => spec.create({ ...options, skipInit: true }));
  try {
    const tensors = await loadWeights(model, weightsFile, spec.name);
    model.eval();
    // The model is left alone until the graph has run, so the graph can share its arrays.
    const graph = traceModule(model, { shape: ['N', ...sample.shape], dtype: sample.dtype }, { name: spec.name, copyState: false });
    const description = `model: ${spec.name}, ${thousands(model.parameterCount())} parameters, eval mode; weights '${weightsFile}' (${tensors} tensors)`;
    return await classify(values, io, { description, graph, label: spec.name, sample }, inputFile, input);
  } finally {
    model.dispose();
  }
}

/**
 * `cnnkit predict`: a zoo model with weights from a safetensors file (eval mode, traced to a
 * graph with a symbolic batch) or an ONNX file (imported), compiled on any backend; prints each
 * sample's top classes.
 */
export const predictCommand: Command = {
  spec: {
    name: 'predict',
    brief: 'run a zoo model with safetensors weights, or an ONNX file, on a .npy input; print top classes, write logits',
    summary: [
      'Run a zoo model (see cnnkit models) in eval mode with weights loaded strictly from a safetensors file (torchvision state_dict keys), or an ONNX model file (weights inside), on the samples of a .npy file, on any backend.',
      'Prints the most probable classes of each sample (softmax of the logits) and writes the logits as .npy with --output.',
      'The input is [N, ...sample] or one sample without the batch axis (one is added); float64 .npy input is read as float32.',
    ].join(' '),
    options: {
      model: { type: 'string', value: 'NAME|FILE', description: 'zoo model (lenet5, vgg16, resnet18, resnet20, textCnn, ...) or an ONNX file (FILE.onnx, e.g. from cnnkit export or torch.onnx.export)' },
      'num-classes': NUM_CLASSES_OPTION,
      'input-size': INPUT_SIZE_OPTION,
      weights: { type: 'string', value: 'FILE', description: 'safetensors file of the zoo model\'s state dict (every key, nothing else); not for ONNX files' },
      input: { type: 'string', value: 'FILE', description: '.npy file: [N, ...sample] or one sample, float32 for images, int32 token ids for textCnn' },
      output: { type: 'string', value: 'FILE', description: 'also write the logits [N, classes] here as float32 .npy (atomically)' },
      top: { type: 'string', value: 'K', description: 'classes to print per sample (default 5)' },
      backend: BACKEND_OPTION,
      device: DEVICE_OPTION,
    },
    examples: [
      'cnnkit predict --model lenet5 --weights lenet5.safetensors --input digits.npy',
      'cnnkit predict --model resnet18 --weights resnet18.safetensors --input images.npy --backend onnxruntime --output logits.npy',
      'cnnkit predict --model resnet18.onnx --input images.npy --backend cpu',
      'cnnkit predict --model resnet20 --num-classes 100 --weights cifar100.safetensors --input batch.npy --top 3',
    ],
  },
  async run(values, io) {
    const name = requiredOption(values, 'model', 'the zoo model to run (cnnkit models lists them) or an ONNX file', 'predict');
    const inputFile = requiredOption(values, 'input', 'the .npy file with the samples to classify', 'predict');
    intOption(values, 'top', 5, 'predict'); // a bad --top is a usage error before any work
    return isOnnxFile(name) ? predictOnnx(values, io, name, inputFile) : predictZoo(values, io, name, inputFile);
  },
};
