import { type BenchModel, benchInput } from './model-graph';
import { RAW_TFJS_MODELS, type RawTfjsModel, type Tf } from './raw-tfjs';
import type { CellMeasurement } from './results';
import { summarize } from './stats';
import { type CellBudget, timeCell } from './time-cell';

/**
 * The same architecture in raw tfjs ops on one engine: upload the input (NHWC, the same number
 * of values as cnnkit's NCHW input), forward inside tf.tidy, read the output back.
 */
export async function benchRawTfjs(tf: Tf, engine: string, model: BenchModel, batch: number, budget: CellBudget): Promise<CellMeasurement> {
  const build = RAW_TFJS_MODELS[model.name];
  if (!build) throw new Error(`no raw-tfjs version of ${model.name}`);
  if (!(await tf.setBackend(engine))) throw new Error(`tf.setBackend('${engine}') returned false`);
  await tf.ready();
  const input = benchInput(model, batch);
  let raw: RawTfjsModel | undefined;
  let compileMs = 0;
  const runOnce = async (): Promise<void> => {
    const m = raw!;
    const x = tf.tensor(input.data, m.inputShape(batch), m.inputDtype);
    const y = tf.tidy(() => m.forward(x));
    try {
      await y.data();
    } finally {
      y.dispose();
      x.dispose();
    }
  };
  try {
    const timing = await timeCell(runOnce, budget, async () => {
      const t0 = performance.now();
      raw = build(tf);
      compileMs = performance.now() - t0;
    });
    return { ...summarize(timing.samplesMs), memory: timing.memory, compileMs, truncated: timing.truncated, warmupKept: timing.warmupKept };
  } finally {
    raw?.dispose();
  }
}
