import { type Backend, type BackendOptions, createBackend, isCnnkitError } from '@cnnkit/core';

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

export type Opened = { readonly backend: Backend } | { readonly missing: string };

/** Creates the candidate's backend, or says why it cannot be had here: not installed, or failing to start. */
export async function openCandidate(candidate: BackendCandidate, resolveFrom: readonly string[] = [import.meta.url]): Promise<Opened> {
  try {
    return { backend: await createBackend(candidate.name, candidate.options, { resolveFrom }) };
  } catch (error) {
    if (isCnnkitError(error, 'BACKEND_NOT_INSTALLED')) {
      const pkg = typeof error.details.package === 'string' ? error.details.package : candidate.name;
      return { missing: `not installed: npm install ${pkg}` };
    }
    return { missing: `could not be created: ${firstLine(error instanceof Error ? error.message : String(error))}` };
  }
}

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
    const o = await openCandidate(candidate, resolveFrom);
    opened.push('backend' in o ? { candidate, backend: o.backend } : { candidate, unavailable: o.missing });
  }
  return opened;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
