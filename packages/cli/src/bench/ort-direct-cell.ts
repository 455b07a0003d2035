import { type Contender, benchContender } from './contender';
import { type BenchModel, benchInput } from './model-graph';
import type { Ort, OrtSession } from './ort-types';
import type { CellMeasurement } from './results';
import type { CellBudget } from './time-cell';

/**
 * ONNX Runtime alone (no cnnkit) on the PyTorch-exported model: an InferenceSession with the CPU
 * provider and ORT's default threads (as cnnkit's onnxruntime backend uses), timed the same way
 * as a cnnkit cell: make the input tensor, run, read the output.
 */
export function ortDirectContender(ort: Ort, onnxFile: string, model: BenchModel, batch: number): Contender {
  const input = benchInput(model, batch);
  // PyTorch exports token ids as int64 (nn.Embedding's index type).
  const data = input.data instanceof Int32Array ? BigInt64Array.from(input.data, (v) => BigInt(v)) : input.data;
  const type = data instanceof BigInt64Array ? 'int64' : 'float32';
  let session: OrtSession | undefined;
  return {
    async prepare() {
      const t0 = performance.now();
      session = await ort.InferenceSession.create(onnxFile, { executionProviders: ['cpu'] });
      return performance.now() - t0;
    },
    async runOnce() {
      const s = session!;
      const outputs = await s.run({ [s.inputNames[0]!]: new ort.Tensor(type, data, input.shape) });
      const out = outputs[s.outputNames[0]!]!;
      // ORT hands back host memory: touching it is the read-back.
      if (!(out.data instanceof Float32Array) || out.data.length === 0) throw new Error(`ORT returned no float32 output for ${model.name}`);
    },
    async dispose() {
      const s = session;
      session = undefined;
      await s?.release();
    },
  };
}

export function benchOrtDirect(ort: Ort, onnxFile: string, model: BenchModel, batch: number, budget: CellBudget): Promise<CellMeasurement> {
  return benchContender(ortDirectContender(ort, onnxFile, model, batch), budget);
}
