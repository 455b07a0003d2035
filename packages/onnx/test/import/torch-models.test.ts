// Models exported by torch.onnx.export (opset 17, dynamic batch 'N') import, compile on the cpu
// backend and reproduce PyTorch's outputs: torchvision's resnet18 (BatchNorm folded into the
// convs by the exporter), and plain-torch twins of the zoo's LeNet-5 (x.view(x.size(0), -1):
// Shape -> Gather -> Unsqueeze -> Concat -> Reshape), CIFAR ResNet-20 (BatchNormalization nodes
// kept; option-A shortcut as Pad + AveragePool + Slice + Concat) and TextCNN (Embedding ->
// Gather on int64 ids). vgg11 (530 MB of weights) runs with CNNKIT_TEST_VGG11=1.
// scripts/export_torch_models.py writes the models, a fixed input and PyTorch's output (float64
// reference) into a temporary directory at test time; it needs python3-torch and python3-torchvision.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend } from '@cnnkit/backend-cpu';
import { Tensor, type TensorValue, type ValidatedGraph, readNpy } from '@cnnkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOnnx } from '../../src/import';
import { pythonMissing, runScript } from './python';

const WITH_VGG = process.env.CNNKIT_TEST_VGG11 === '1';
const MODELS = ['lenet5', 'resnet20', 'textCnn', 'resnet18', ...(WITH_VGG ? ['vgg11'] : [])];

interface Loaded {
  readonly graph: ValidatedGraph;
  readonly notes: string[];
  readonly input: TensorValue;
  readonly expected: TensorValue;
}

function opCounts(graph: ValidatedGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of graph.nodes) counts[n.op] = (counts[n.op] ?? 0) + 1;
  return counts;
}

/** Row `n` of a batch, as its own batch of one. */
function sample(value: TensorValue, n: number): TensorValue {
  const per = value.data.length / value.shape[0]!;
  return { dtype: value.dtype, shape: [1, ...value.shape.slice(1)], data: value.data.slice(n * per, (n + 1) * per) };
}

/** Runs the graph on the cpu backend and checks allclose(rtol 1e-4, atol 1e-5 · scale) against PyTorch. */
async function expectPyTorchOutput(graph: ValidatedGraph, input: TensorValue, expected: TensorValue, label: string): Promise<void> {
  const exe = await createBackend().compile(graph);
  const { output } = await exe.run({ input: Tensor.fromValue(input) });
  expect(output!.shape).toEqual(expected.shape);
  const actual = await output!.data();
  const scale = Math.max(...Array.from(expected.data, Math.abs));
  const worst = Array.from(expected.data).reduce((w, e, i) => Math.max(w, Math.abs(actual[i]! - e)), 0);
  console.log(`${label}: worst |cnnkit - PyTorch| ${worst.toExponential(2)} (output scale ${scale.toFixed(3)})`);
  const bad = Array.from(expected.data).map((e, i) => [i, e] as const).filter(([i, e]) => !(Math.abs(actual[i]! - e) <= 1e-5 * scale + 1e-4 * Math.abs(e)));
  expect(bad.slice(0, 5).map(([i, e]) => `[${i}] cnnkit ${actual[i]} vs PyTorch ${e}`), `${label}: ${bad.length} outputs outside rtol 1e-4`).toEqual([]);
  exe.dispose();
}

const missing = pythonMissing(['torch', 'torchvision']);
const title = 'models exported by torch.onnx.export, imported and run on the cpu backend';

if (missing !== undefined) {
  describe(title, () => {
    it.skip(`match PyTorch's outputs — skipped: ${missing}`, () => {});
  });
} else describe(title, () => {
  let dir = '';
  const loaded = new Map<string, Loaded>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-torch-onnx-'));
    await runScript('export_torch_models.py', [dir, ...MODELS]);
    for (const name of MODELS) {
      const notes: string[] = [];
      const graph = importOnnx(await readFile(path.join(dir, `${name}.onnx`)), { source: `${name}.onnx`, onNote: (m) => notes.push(m) });
      loaded.set(name, { graph, notes, input: await readNpy(path.join(dir, `${name}.input.npy`)), expected: await readNpy(path.join(dir, `${name}.output.npy`)) });
    }
  }, 900_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const get = (name: string): Loaded => loaded.get(name)!;

  it('lenet5: x.view(x.size(0), -1) folds into reshape [0, -1]; weights keep their state-dict names', async () => {
    const { graph, input, expected } = get('lenet5');
    expect(graph.inputs).toEqual([{ name: 'input', dtype: 'float32', shape: ['N', 1, 28, 28] }]);
    expect(graph.nodes.map((n) => n.op)).toEqual(['conv2d', 'relu', 'maxPool2d', 'conv2d', 'relu', 'maxPool2d', 'reshape', 'linear', 'relu', 'linear', 'relu', 'linear']);
    expect(graph.nodes.find((n) => n.op === 'reshape')!.attrs).toEqual({ shape: [0, -1] });
    expect(Object.keys(graph.initializers).sort()).toEqual(['conv1.bias', 'conv1.weight', 'conv2.bias', 'conv2.weight', 'fc1.bias', 'fc1.weight', 'fc2.bias', 'fc2.weight', 'fc3.bias', 'fc3.weight']);
    expect(graph.types.get('output')!.shape).toEqual(['N', 10]);
    await expectPyTorchOutput(graph, input, expected, 'lenet5');
    await expectPyTorchOutput(graph, sample(input, 1), sample(expected, 1), 'lenet5, batch of 1');
  });

  it('resnet20 (CIFAR, BatchNormalization kept): zero Pads vanish, the option-A shortcut imports', async () => {
    const { graph, input, expected } = get('resnet20');
    expect(opCounts(graph)).toEqual({ conv2d: 19, batchNorm: 19, relu: 19, add: 9, avgPool2d: 2, slice: 4, concat: 2, globalAvgPool: 1, flatten: 1, linear: 1 });
    expect(graph.initializers['layer2.0.bn1.running_var']?.shape).toEqual([32]);
    await expectPyTorchOutput(graph, input, expected, 'resnet20');
  });

  it('textCnn: int64 token ids become an int32 input, Embedding a gather', async () => {
    const { graph, notes, input, expected } = get('textCnn');
    expect(graph.inputs).toEqual([{ name: 'input', dtype: 'int32', shape: ['N', 24] }]);
    expect(notes.join('\n')).toMatch(/graph input 'input': INT64 input imported as int32/);
    expect(graph.nodes[0]).toMatchObject({ op: 'gather', inputs: ['embedding.weight', 'input'] });
    expect(opCounts(graph)).toMatchObject({ conv1d: 3, reduceMax: 3, concat: 1, linear: 1 });
    await expectPyTorchOutput(graph, input, expected, 'textCnn');
  });

  it(`resnet18 (torchvision) imports and matches PyTorch's logits`, async () => {
    const { graph, input, expected } = get('resnet18');
    expect(graph.inputs[0]!.shape).toEqual(['N', 3, 224, 224]);
    expect(opCounts(graph)).toEqual({ conv2d: 20, relu: 17, add: 8, maxPool2d: 1, globalAvgPool: 1, flatten: 1, linear: 1 });
    expect(graph.nodes.at(-1)).toMatchObject({ op: 'linear', inputs: [expect.any(String), 'fc.weight', 'fc.bias'], outputs: ['output'] });
    await expectPyTorchOutput(graph, input, expected, 'resnet18');
  }, 300_000);

  it.runIf(WITH_VGG)('vgg11 (torchvision) imports and matches PyTorch (CNNKIT_TEST_VGG11=1)', async () => {
    const { graph, input, expected } = get('vgg11');
    expect(opCounts(graph)).toMatchObject({ conv2d: 8, maxPool2d: 5, linear: 3 });
    await expectPyTorchOutput(graph, input, expected, 'vgg11');
  }, 600_000);
});
