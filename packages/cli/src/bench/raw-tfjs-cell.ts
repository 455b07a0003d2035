import { type Contender, benchContender } from './contender';
import { type BenchModel, benchInput } from './model-graph';
import { RAW_TFJS_MODELS, type RawTfjsModel, type Tf } from './raw-tfjs';
import type { CellMeasurement } from './results';
import type { CellBudget } from './time-cell';

async function useEngine(tf: Tf, engine: string): Promise<void> {
  if (tf.getBackend() === engine) return;
  if (!(await tf.setBackend(engine))) throw new Error(`tf.setBackend('${engine}') returned false`);
  await tf.ready();
}

/**
 * The same architecture in raw tfjs ops on one engine: upload the input (NHWC, the same number
 * of values as cnnkit's NCHW input), forward inside tf.tidy, read the output back. tfjs has one
 * global engine: it is selected (untimed) before every run, since a contender timed alongside
 * may have selected another.
 */
export function rawTfjsContender(tf: Tf, engine: string, model: BenchModel, batch: number): Contender {
  const build = RAW_TFJS_MODELS[model.name];
  if (!build) throw new Error(`no raw-tfjs version of ${model.name}`);
  const input = benchInput(model, batch);
  let raw: RawTfjsModel | undefined;
  return {
    async prepare() {
      await useEngine(tf, engine);
      const t0 = performance.now();
      raw = build(tf);
      return performance.now() - t0;
    },
    activate: () => useEngine(tf, engine),
    async runOnce() {
      const m = raw!;
      const x = tf.tensor(input.data, m.inputShape(batch), m.inputDtype);
      const y = tf.tidy(() => m.forward(x));
      try {
        await y.data();
      } finally {
        y.dispose();
        x.dispose();
      }
    },
    async dispose() {
      if (raw) await useEngine(tf, engine);
      raw?.dispose();
      raw = undefined;
    },
  };
}

export function benchRawTfjs(tf: Tf, engine: string, model: BenchModel, batch: number, budget: CellBudget): Promise<CellMeasurement> {
  return benchContender(rawTfjsContender(tf, engine, model, batch), budget);
}
