// Zoo models traced with a symbolic batch (no eager backend: host-built models trace as they
// are) and exported to ONNX; Python's onnx checks each file (full check) and infers cnnkit's
// types for every value. Running them in ONNX Runtime against the cpu backend is the
// onnxruntime backend's test. Files go to a temporary directory, never into the repository.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MODEL_ZOO, Rng, type ValidatedGraph, type ZooOptions, createModel, traceModule } from '@cnnkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOnnx, proto } from '../src';
import { type ModelReport, checkOnnx, pythonOnnxMissing } from './python-onnx';
import { typeMismatches } from './type-mismatches';

interface ZooExport {
  readonly name: string;
  readonly options: ZooOptions;
  /** ONNX op types and how often each appears. */
  readonly ops: Readonly<Record<string, number>>;
}

// The op counts follow from each architecture: resnet18 has 20 convolutions (stem, 16 in blocks,
// 3 downsample) each with a BatchNorm, 8 residual Adds and 17 ReLUs (stem + 2 per block);
// resnet20 has 19 convolutions and BatchNorms, and its two widening option-A shortcuts are
// traced as x subsampled by a 1×1 stride-2 avgPool, added to the block's first channels (two
// Slices each, the other half passed on) and concatenated: 9 Adds; TextCNN embeds with Gather,
// one Conv / GlobalMaxPool / Reshape per window size, one Concat.
const MODELS: readonly ZooExport[] = [
  { name: 'lenet5', options: {}, ops: { Conv: 2, Relu: 4, MaxPool: 2, Flatten: 1, Gemm: 3 } },
  { name: 'resnet18', options: { inputSize: 32 }, ops: { Conv: 20, BatchNormalization: 20, Relu: 17, MaxPool: 1, Add: 8, GlobalAveragePool: 1, Flatten: 1, Gemm: 1 } },
  { name: 'resnet20', options: {}, ops: { Conv: 19, BatchNormalization: 19, Relu: 19, Add: 9, AveragePool: 2, Slice: 4, Concat: 2, GlobalAveragePool: 1, Flatten: 1, Gemm: 1 } },
  { name: 'textCnn', options: {}, ops: { Gather: 1, Transpose: 1, Conv: 3, Relu: 3, GlobalMaxPool: 3, Reshape: 3, Concat: 1, Gemm: 1 } },
  // VGG-11 at 32×32: its features end at 1×1, so the adaptive pool to 7×7 becomes per-axis
  // slices and means (still 507 MB of classifier weights: built without init draws).
  { name: 'vgg11', options: { inputSize: 32, skipInit: true }, ops: {} },
];

function traced(m: ZooExport): ValidatedGraph {
  const model = createModel(m.name, { ...m.options, ...(m.options.skipInit ? {} : { rng: new Rng(5) }) }).eval();
  const { shape, dtype } = MODEL_ZOO[m.name]!.inputShape(m.options);
  // copyState false: the graph shares the model's arrays (VGG's weights are not copied twice).
  return traceModule(model, { shape: ['N', ...shape], dtype }, { copyState: false });
}

function opCounts(model: proto.ModelProto): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of model.graph!.node) counts[n.opType] = (counts[n.opType] ?? 0) + 1;
  return counts;
}

const missing = pythonOnnxMissing();

describe('zoo models exported to ONNX', () => {
  let dir = '';
  const graphs = new Map<string, ValidatedGraph>();
  const decoded = new Map<string, proto.ModelProto>();
  let reports = new Map<string, ModelReport>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-onnx-zoo-'));
    for (const m of MODELS) {
      const graph = traced(m);
      const bytes = exportOnnx(graph, { producerName: 'cnnkit-test' });
      graphs.set(m.name, graph);
      // VGG is only checked by Python: decoding 507 MB again here adds nothing.
      if (m.name !== 'vgg11') decoded.set(m.name, proto.decodeModel(bytes, `${m.name}.onnx`));
      await writeFile(path.join(dir, `${m.name}.onnx`), bytes);
    }
    if (missing === undefined) reports = await checkOnnx([dir], ['--types']);
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const m of MODELS.filter((x) => x.name !== 'vgg11')) {
    it(`${m.name}: the expected ONNX ops, state-dict keys as initializer names, a dim_param batch`, () => {
      const model = decoded.get(m.name)!;
      const graph = graphs.get(m.name)!;
      expect(opCounts(model)).toEqual(m.ops);
      expect(model.irVersion).toBe(8);
      expect(model.opsetImport).toEqual([{ domain: '', version: 17 }]);
      expect(model.producerName).toBe('cnnkit-test');
      const names = model.graph!.initializer.map((t) => t.name);
      for (const key of Object.keys(graph.initializers)) expect(names).toContain(key);
      const input = model.graph!.input[0]!.type!.tensorType!;
      expect(input.shape!.dim[0]).toEqual({ dimParam: 'N', denotation: '' });
      expect(model.graph!.output.map((o) => o.name)).toEqual(['output']);
      expect(model.graph!.output[0]!.type!.tensorType!.shape!.dim).toEqual([{ dimParam: 'N', denotation: '' }, { dimValue: m.name === 'textCnn' ? 2 : m.name === 'resnet18' ? 1000 : 10, denotation: '' }]);
    });
  }

  if (missing !== undefined) {
    it.skip(`onnx.checker and shape inference on each exported model — skipped: ${missing}`, () => {});
  } else {
    for (const m of MODELS) {
      it(`${m.name}: onnx.checker (full check) accepts it and ONNX infers cnnkit's types for every value`, () => {
        const report = reports.get(`${m.name}.onnx`)!;
        expect(report.error).toBeNull();
        expect(report.ok).toBe(true);
        expect(typeMismatches(graphs.get(m.name)!, report)).toEqual([]);
      });
    }
  }
});
