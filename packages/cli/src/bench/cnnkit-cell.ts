import { type Backend, type Executable, Tensor } from '@cnnkit/core';
import { type BenchModel, benchInput } from './model-graph';
import type { CellMeasurement } from './results';
import { summarize } from './stats';
import { type CellBudget, timeCell } from './time-cell';

/**
 * One cnnkit cell: compile the model's graph on `backend` (timed apart), warm up, then time runs
 * of upload input + run + read the output back, the way an application calls it.
 */
export async function benchCnnkitCell(backend: Backend, model: BenchModel, batch: number, budget: CellBudget): Promise<CellMeasurement> {
  const input = benchInput(model, batch);
  const value = model.dtype === 'int32'
    ? { dtype: 'int32' as const, shape: input.shape, data: input.data as Int32Array }
    : { dtype: 'float32' as const, shape: input.shape, data: input.data as Float32Array };
  let exe: Executable | undefined;
  let compileMs = 0;
  const runOnce = async (): Promise<void> => {
    const x = backend.fromHost ? backend.fromHost(value) : Tensor.fromValue(value);
    const outputs = await exe!.run({ [exe!.inputs[0]!.name]: x });
    try {
      await outputs[exe!.outputs[0]!]!.data();
    } finally {
      for (const t of Object.values(outputs)) t.dispose();
      x.dispose();
    }
  };
  try {
    const timing = await timeCell(runOnce, budget, async () => {
      const t0 = performance.now();
      exe = await backend.compile(model.graph, { label: `${model.name} b${batch}` });
      compileMs = performance.now() - t0;
    });
    return { ...summarize(timing.samplesMs), memory: timing.memory, compileMs, truncated: timing.truncated, warmupKept: timing.warmupKept };
  } finally {
    exe?.dispose();
  }
}
