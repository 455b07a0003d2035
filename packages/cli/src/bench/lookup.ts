import type { BenchCell, CellMeasurement } from './results';

/** The measurement of `runner` (by label) on model × batch, if there is one. */
export function findResult(cells: readonly BenchCell[], model: string, batch: number, runner: string): CellMeasurement | undefined {
  return cells.find((c) => c.model === model && c.batch === batch && c.runner.label === runner)?.result;
}

export const ORT_DIRECT = 'ORT on PyTorch export';
export const TORCH = 'PyTorch';
export const rawTfjsLabel = (engine: string): string => `raw tfjs (${engine})`;
/** The raw-tfjs engine a cnnkit runner is compared with: its own tfjs engine, else wasm (the fastest tfjs on a CPU). */
export const rawEngineFor = (engine: string | undefined): string => engine ?? 'wasm';
