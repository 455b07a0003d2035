import { type Backend, type BackendOptions, createBackend } from '@cnnkit/core';

/** One way to run a graph: a backend package and the options that pick its engine / device. */
export interface BackendCandidate {
  /** Row label, e.g. 'tfjs (wasm)'. */
  readonly label: string;
  readonly name: string;
  readonly options: BackendOptions;
}

/**
 * Every execution path cnnkit ships, best device first where a package has several: the cpu
 * reference; TensorFlow.js on tfjs-node(-gpu) when installed, on WebAssembly, and on its pure-JS
 * cpu engine; ONNX Runtime on CUDA when it has it, else its CPU provider ('auto' says which).
 */
export const BACKEND_CANDIDATES: readonly BackendCandidate[] = [
  { label: 'cpu', name: 'cpu', options: {} },
  { label: 'tfjs (tensorflow)', name: 'tfjs', options: { engine: 'tensorflow', device: 'auto' } },
  { label: 'tfjs (wasm)', name: 'tfjs', options: { engine: 'wasm' } },
  { label: 'tfjs (cpu)', name: 'tfjs', options: { engine: 'cpu' } },
  { label: 'onnxruntime', name: 'onnxruntime', options: { device: 'auto' } },
];

export type OpenedBackend =
  | { readonly candidate: BackendCandidate; readonly backend: Backend }
  | { readonly candidate: BackendCandidate; readonly unavailable: string };

/**
 * Opens each candidate; one that cannot be had (package not installed, engine missing) is kept
 * with the reason, so a comparison lists it instead of silently dropping it.
 */
export async function openInstalledBackends(candidates: readonly BackendCandidate[] = BACKEND_CANDIDATES, resolveFrom: readonly string[] = [import.meta.url]): Promise<OpenedBackend[]> {
  const opened: OpenedBackend[] = [];
  for (const candidate of candidates) {
    try {
      opened.push({ candidate, backend: await createBackend(candidate.name, candidate.options, { resolveFrom }) });
    } catch (error) {
      opened.push({ candidate, unavailable: firstLine(error instanceof Error ? error.message : String(error)) });
    }
  }
  return opened;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
