import {
  type Backend, type ClassificationReport, CnnkitError, type ConfusionMatrix, type Module, Tensor, type TensorValue,
  accuracy, argmaxRows, classificationReport, confusionMatrix, formatShape, traceModule,
} from '@cnnkit/core';

/** Host samples to evaluate on, already encoded / normalised the way the model was trained. */
export interface EvalSet {
  /** size × prod(sampleShape) values, row-major. */
  readonly inputs: Float32Array | Int32Array;
  readonly sampleShape: readonly number[];
  readonly labels: Int32Array;
  readonly classes: readonly string[];
  /** What the samples are, for the report ('mnist test split, 10,000 images'). */
  readonly description: string;
}

export interface EvaluateOptions {
  /** Samples per run of the compiled graph (default 256). */
  readonly batchSize?: number;
}

export interface Evaluation {
  readonly backend: string;
  readonly count: number;
  readonly classes: readonly string[];
  /** Argmax of each sample's logits. */
  readonly predictions: Int32Array;
  /** [count, classes] row-major. */
  readonly logits: Float32Array;
  readonly accuracy: number;
  readonly confusion: ConfusionMatrix;
  readonly report: ClassificationReport;
  readonly batches: number;
  /** Mean wall time of one batch (compile excluded). */
  readonly msPerBatch: number;
  readonly compileMs: number;
}

function sliceBatch(data: EvalSet, start: number, end: number): TensorValue {
  const size = data.sampleShape.reduce((a, b) => a * b, 1);
  const shape = [end - start, ...data.sampleShape];
  return data.inputs instanceof Int32Array
    ? { dtype: 'int32', shape, data: data.inputs.subarray(start * size, end * size) }
    : { dtype: 'float32', shape, data: data.inputs.subarray(start * size, end * size) };
}

/**
 * Evaluates a classifier on `backend`, whatever kind it is: the model (eval mode: batch norm's
 * running statistics, no dropout) is traced with a symbolic batch into a graph and compiled,
 * the way a deployment runs it, so cpu, tfjs and graph-only onnxruntime all evaluate the same
 * thing. Returns the predictions, accuracy, per-class precision / recall / F1 with macro and
 * weighted averages (core's classificationReport: sklearn's zero_division = 0), the confusion
 * matrix (rows true class, columns predicted) and the time per batch.
 */
export async function evaluateModel(model: Module, data: EvalSet, backend: Backend, options: EvaluateOptions = {}): Promise<Evaluation> {
  const where = `evaluate on backend '${backend.name}'`;
  const batchSize = options.batchSize ?? 256;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new CnnkitError('INVALID_ARGUMENT', `${where}: batchSize is ${batchSize}; expected an integer >= 1`);
  const count = data.labels.length;
  const numClasses = data.classes.length;
  const sampleSize = data.sampleShape.reduce((a, b) => a * b, 1);
  if (data.inputs.length !== count * sampleSize) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: ${data.inputs.length} input values for ${count} labels of shape ${formatShape(data.sampleShape)}; expected ${count * sampleSize}`);
  }
  const wasTraining = model.training;
  model.eval();
  const dtype = data.inputs instanceof Int32Array ? 'int32' : 'float32';
  const graph = traceModule(model, { shape: ['N', ...data.sampleShape], dtype }, { name: 'evaluate', copyState: false });
  const compileStart = performance.now();
  const exe = await backend.compile(graph, { label: 'evaluate' });
  const compileMs = performance.now() - compileStart;
  const logits = new Float32Array(count * numClasses);
  let batches = 0;
  let runMs = 0;
  try {
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(count, start + batchSize);
      const value = sliceBatch(data, start, end);
      const began = performance.now();
      const feed = backend.fromHost ? backend.fromHost(value) : Tensor.fromValue(value);
      try {
        const outputs = await exe.run({ [exe.inputs[0]!.name]: feed });
        try {
          const out = outputs[exe.outputs[0]!];
          if (!out || out.shape.length !== 2 || out.shape[0] !== end - start || out.shape[1] !== numClasses) {
            throw new CnnkitError('SHAPE_MISMATCH', `${where}: the model's output is ${out ? formatShape(out.shape) : 'missing'}; expected logits [${end - start}, ${numClasses}] (one per class of ${data.description})`);
          }
          logits.set(await out.data() as Float32Array, start * numClasses);
        } finally {
          for (const t of Object.values(outputs)) t.dispose();
        }
      } finally {
        feed.dispose();
      }
      runMs += performance.now() - began;
      batches++;
    }
  } finally {
    exe.dispose();
    model.train(wasTraining);
  }
  const predictions = argmaxRows(logits, numClasses);
  const confusion = confusionMatrix(predictions, data.labels, numClasses);
  return {
    backend: backend.name, count, classes: data.classes, predictions, logits,
    accuracy: accuracy(predictions, data.labels), confusion, report: classificationReport(confusion),
    batches, msPerBatch: batches ? runMs / batches : 0, compileMs,
  };
}
