import { type Backend, type Executable, Tensor } from '@cnnkit/core';
import { type Contender, benchContender } from './contender';
import { type BenchModel, benchInput } from './model-graph';
import type { CellMeasurement } from './results';
import type { CellBudget } from './time-cell';

/**
 * cnnkit on `backend`: compile the model's graph (timed apart), then runs of upload input + run +
 * read the output back, the way an application calls it.
 */
export function cnnkitContender(backend: Backend, model: BenchModel, batch: number): Contender {
  const input = benchInput(model, batch);
  const value = model.dtype === 'int32'
    ? { dtype: 'int32' as const, shape: input.shape, data: input.data as Int32Array }
    : { dtype: 'float32' as const, shape: input.shape, data: input.data as Float32Array };
  let exe: Executable | undefined;
  return {
    async prepare() {
      const t0 = performance.now();
      exe = await backend.compile(model.graph, { label: `${model.name} b${batch}` });
      return performance.now() - t0;
    },
    async runOnce() {
      const x = backend.fromHost ? backend.fromHost(value) : Tensor.fromValue(value);
      const outputs = await exe!.run({ [exe!.inputs[0]!.name]: x });
      try {
        await outputs[exe!.outputs[0]!]!.data();
      } finally {
        for (const t of Object.values(outputs)) t.dispose();
        x.dispose();
      }
    },
    async dispose() {
      exe?.dispose();
      exe = undefined;
    },
  };
}

/** One cnnkit cell alone: compile, warm up, then timed runs (see cnnkitContender). */
export function benchCnnkitCell(backend: Backend, model: BenchModel, batch: number, budget: CellBudget): Promise<CellMeasurement> {
  return benchContender(cnnkitContender(backend, model, batch), budget);
}
