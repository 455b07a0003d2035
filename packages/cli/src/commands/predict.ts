import { CnnkitError, type Module, type ZooOptions, formatShape, init, modelSpec, readNpy, traceModule, writeNpy } from '@cnnkit/core';
import { UsageError, type ParsedOptions, intOption, stringOption } from '../args';
import { thousands } from '../demo/format';
import { batchedInput } from '../predict/batch-input';
import { loadWeights } from '../predict/load-weights';
import { runGraph } from '../predict/run-graph';
import { softmaxRow, topK } from '../predict/top-k';
import type { Command } from './command';
import { BACKEND_OPTION, DEVICE_OPTION, infoLine, openBackend } from './backend-options';

function required(values: ParsedOptions, name: string, what: string): string {
  const v = stringOption(values, name);
  if (v === undefined || v === '') throw new UsageError(`option --${name} is required: ${what}`, 'predict');
  return v;
}

function zooOptions(values: ParsedOptions): ZooOptions {
  const numClasses = stringOption(values, 'num-classes') === undefined ? undefined : intOption(values, 'num-classes', 0, 'predict');
  const inputSize = stringOption(values, 'input-size') === undefined ? undefined : intOption(values, 'input-size', 0, 'predict');
  return { ...(numClasses !== undefined ? { numClasses } : {}), ...(inputSize !== undefined ? { inputSize } : {}) };
}

const probability = (p: number): string => p.toFixed(4);

/**
 * `cnnkit predict`: a zoo model with weights from a safetensors file, in eval mode, traced to a
 * graph with a symbolic batch and compiled on any backend; prints each sample's top classes.
 */
export const predictCommand: Command = {
  spec: {
    name: 'predict',
    brief: 'run a zoo model with safetensors weights on a .npy input; print top classes, write logits',
    summary: [
      'Run a zoo model (see cnnkit models) in eval mode with weights loaded strictly from a safetensors file (torchvision state_dict keys) on the samples of a .npy file, on any backend.',
      'Prints the most probable classes of each sample (softmax of the logits) and writes the logits as .npy with --output.',
      'The input is [N, ...sample] or one sample without the batch axis (one is added); float64 .npy input is read as float32.',
    ].join(' '),
    options: {
      model: { type: 'string', value: 'NAME', description: "zoo model: lenet5, vgg16, resnet18, resnet20, textCnn, ... (ONNX files: not supported yet)" },
      'num-classes': { type: 'string', value: 'N', description: "classifier outputs the weights were trained for (default: the model's)" },
      'input-size': { type: 'string', value: 'S', description: "image side the model is built for (lenet5: 28 or 32; default: the model's)" },
      weights: { type: 'string', value: 'FILE', description: 'safetensors file of the model\'s state dict (every key, nothing else)' },
      input: { type: 'string', value: 'FILE', description: '.npy file: [N, ...sample] or one sample, float32 for images, int32 token ids for textCnn' },
      output: { type: 'string', value: 'FILE', description: 'also write the logits [N, classes] here as float32 .npy (atomically)' },
      top: { type: 'string', value: 'K', description: 'classes to print per sample (default 5)' },
      backend: BACKEND_OPTION,
      device: DEVICE_OPTION,
    },
    examples: [
      'cnnkit predict --model lenet5 --weights lenet5.safetensors --input digits.npy',
      'cnnkit predict --model resnet18 --weights resnet18.safetensors --input images.npy --backend onnxruntime --output logits.npy',
      'cnnkit predict --model resnet20 --num-classes 100 --weights cifar100.safetensors --input batch.npy --top 3',
    ],
  },
  async run(values, io) {
    const name = required(values, 'model', 'the zoo model to run (cnnkit models lists them)');
    if (name.toLowerCase().endsWith('.onnx')) {
      throw new CnnkitError('INVALID_ARGUMENT', `--model '${name}': ONNX model files are not supported by predict yet; expected a zoo model name (cnnkit models lists them) with --weights FILE.safetensors`);
    }
    const weightsFile = required(values, 'weights', 'the safetensors file with the model\'s weights');
    const inputFile = required(values, 'input', 'the .npy file with the samples to classify');
    const outputFile = stringOption(values, 'output');
    const k = intOption(values, 'top', 5, 'predict');

    const spec = modelSpec(name);
    const options = zooOptions(values);
    const sample = spec.inputShape(options);
    const input = batchedInput(await readNpy(inputFile), sample, inputFile, spec.name);

    // Every weight is about to be replaced by the file's: drawing initial ones would only cost time.
    const model: Module = init.withoutInitDraws(() => spec.create({ ...options, skipInit: true }));
    try {
      const tensors = await loadWeights(model, weightsFile, spec.name);
      model.eval();
      // The model is left alone until the graph has run, so the graph can share its arrays.
      const graph = traceModule(model, { shape: ['N', ...sample.shape], dtype: sample.dtype }, { name: spec.name, copyState: false });

      const backend = await openBackend(values);
      try {
        io.out(infoLine(await backend.info()));
        io.out(`model: ${spec.name}, ${thousands(model.parameterCount())} parameters, eval mode; weights '${weightsFile}' (${tensors} tensors)`);
        const n = input.value.shape[0]!;
        const given = input.addedBatchAxis ? `one sample ${formatShape(sample.shape)} without a batch axis: added one, ${formatShape(input.value.shape)}` : `${n} sample${n === 1 ? '' : 's'} ${formatShape(input.value.shape)}`;
        io.out(`input: '${inputFile}', ${sample.dtype}, ${given}`);

        const began = performance.now();
        const logits = await runGraph(backend, graph, input.value, spec.name);
        const ms = performance.now() - began;
        io.out(`inference: ${n} sample${n === 1 ? '' : 's'} in ${ms.toFixed(1)} ms`);

        if (logits.dtype !== 'float32' || logits.shape.length !== 2 || logits.shape[0] !== n) {
          throw new CnnkitError('BACKEND_INVALID', `${spec.name} on backend '${backend.name}': output is ${logits.dtype} ${formatShape(logits.shape)}; expected float32 logits [${n}, classes]`);
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
    } finally {
      model.dispose();
    }
  },
};
