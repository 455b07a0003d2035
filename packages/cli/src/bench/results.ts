import type { MemoryPeak } from './memory';
import type { TimingSummary } from './stats';

/** What ran a cell: cnnkit on one of its backends, or an alternative a user would otherwise pick. */
export type RunnerKind = 'cnnkit' | 'ort-direct' | 'torch' | 'raw-tfjs';

export interface Runner {
  /** Column / row label, e.g. 'cnnkit cpu', 'cnnkit tfjs (wasm)', 'ORT on PyTorch export', 'PyTorch', 'raw tfjs (wasm)'. */
  readonly label: string;
  readonly kind: RunnerKind;
  /** tfjs engine of a tfjs runner ('wasm' | 'cpu'): raw tfjs is compared on the same engine. */
  readonly engine?: string;
}

export interface CellMeasurement extends TimingSummary {
  /** Peak growth while the cell ran; absent for PyTorch, which runs in its own process. */
  readonly memory?: MemoryPeak;
  readonly compileMs?: number;
  /** The time budget stopped the repeats early. */
  readonly truncated: boolean;
  /** The one sample is a warm-up run kept because the cell was too slow to repeat (first-run costs included). */
  readonly warmupKept?: boolean;
  /** Each sample is the mean of this many back-to-back runs (absent: one run a sample). */
  readonly runsPerSample?: number;
}

/** One model × batch × runner: measured, or why not. */
export interface BenchCell {
  readonly model: string;
  readonly batch: number;
  readonly runner: Runner;
  readonly result?: CellMeasurement;
  /** Why there is no result (not installed, failed, skipped by the time budget). */
  readonly missing?: string;
}

export interface TrainingResult {
  readonly runner: string;
  readonly samplesPerSecond?: number;
  readonly steps?: number;
  readonly batchSize?: number;
  readonly seconds?: number;
  readonly missing?: string;
}

export interface MachineInfo {
  readonly cpu: string;
  readonly logicalCores: number;
  readonly memoryGiB: number;
  readonly platform: string;
  readonly node: string;
  /** Package → version for everything measured (onnxruntime-node, tfjs-core, torch, ...). */
  readonly versions: Readonly<Record<string, string>>;
  /** Threads PyTorch was given (torch.set_num_threads), and what ORT uses. */
  readonly threads: string;
}

export interface TargetCheck {
  readonly target: string;
  /** undefined when a side of the comparison was not measured. */
  readonly met?: boolean;
  readonly detail: string;
}

export interface BenchReport {
  readonly date: string;
  readonly command: string;
  readonly machine: MachineInfo;
  readonly settings: { readonly warmup: number; readonly warmupSeconds?: number; readonly repeats: number; readonly cellSeconds: number; readonly minSampleMs?: number };
  /** Runners that could not run at all, with the reason (backend not installed, no python / torch). */
  readonly unavailable: readonly { readonly runner: string; readonly reason: string }[];
  readonly cells: readonly BenchCell[];
  readonly training: readonly TrainingResult[];
  readonly targets: readonly TargetCheck[];
}
