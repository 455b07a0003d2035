import { CnnkitError, type Module, formatShape, init, modelSpec, traceModule, writeFileAtomic } from '@cnnkit/core';
import { exportOnnx } from '@cnnkit/onnx';
import { UsageError, stringOption } from '../args';
import { thousands } from '../demo/format';
import { loadWeights } from '../predict/load-weights';
import type { Command } from './command';
import { INPUT_SIZE_OPTION, NUM_CLASSES_OPTION, requiredOption, zooOptions } from './model-options';

const FORMATS = ['onnx'];

function bytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${thousands(n)} bytes`;
}

/**
 * `cnnkit export`: a zoo model with its safetensors weights, in eval mode, traced with a symbolic
 * batch and written as an ONNX model (opset 17), atomically: an interrupted export never leaves
 * a truncated file where a good one was.
 */
export const exportCommand: Command = {
  spec: {
    name: 'export',
    brief: 'export a zoo model with safetensors weights to ONNX (opset 17, symbolic batch)',
    summary: [
      'Export a zoo model (see cnnkit models) with weights loaded strictly from a safetensors file to an ONNX model: eval mode (batch norm uses its running statistics, dropout is the identity),',
      "traced with a symbolic batch dimension 'N', opset 17, weights stored as initializers. The file is written atomically (temporary file, then rename).",
      'Run it with cnnkit predict --model FILE.onnx on any backend, or in any ONNX runtime.',
    ].join(' '),
    options: {
      model: { type: 'string', value: 'NAME', description: 'zoo model: lenet5, vgg16, resnet18, resnet20, textCnn, ...' },
      'num-classes': NUM_CLASSES_OPTION,
      'input-size': INPUT_SIZE_OPTION,
      weights: { type: 'string', value: 'FILE', description: "safetensors file of the model's state dict (every key, nothing else)" },
      format: { type: 'string', value: 'FORMAT', description: "output format: onnx (the default and only one)" },
      out: { type: 'string', value: 'FILE', description: 'where to write the model, e.g. resnet18.onnx' },
    },
    examples: [
      'cnnkit export --model resnet18 --weights resnet18.safetensors --format onnx --out resnet18.onnx',
      'cnnkit export --model resnet20 --num-classes 100 --weights cifar100.safetensors --out resnet20.onnx',
    ],
  },
  async run(values, io) {
    const name = requiredOption(values, 'model', 'the zoo model to export (cnnkit models lists them)', 'export');
    const weightsFile = requiredOption(values, 'weights', "the safetensors file with the model's weights", 'export');
    const out = requiredOption(values, 'out', 'the file to write, e.g. model.onnx', 'export');
    const format = stringOption(values, 'format') ?? 'onnx';
    if (!FORMATS.includes(format)) throw new UsageError(`option --format is '${format}'; expected one of ${FORMATS.join(', ')}`, 'export');

    const spec = modelSpec(name);
    const options = zooOptions(values, 'export');
    const sample = spec.inputShape(options);
    // Every weight is about to be replaced by the file's: drawing initial ones would only cost time.
    const model: Module = init.withoutInitDraws(() => spec.create({ ...options, skipInit: true }));
    try {
      const tensors = await loadWeights(model, weightsFile, spec.name);
      model.eval();
      const graph = traceModule(model, { shape: ['N', ...sample.shape], dtype: sample.dtype }, { name: spec.name, copyState: false });
      const onnx = exportOnnx(graph, { producerName: 'cnnkit', modelName: spec.name });
      if (onnx.byteLength === 0) throw new CnnkitError('IO', `export of ${spec.name} produced no bytes; expected an ONNX model`);
      await writeFileAtomic(out, onnx);
      io.out(`model: ${spec.name}, ${thousands(model.parameterCount())} parameters, eval mode; weights '${weightsFile}' (${tensors} tensors)`);
      io.out(`graph: ${graph.nodes.length} nodes, input '${graph.inputs[0]!.name}' ${sample.dtype} ${formatShape(['N', ...sample.shape])}, output '${graph.outputs[0]}'`);
      io.out(`onnx: opset 17, ${bytes(onnx.byteLength)} written to '${out}'`);
      return 0;
    } finally {
      model.dispose();
    }
  },
};
