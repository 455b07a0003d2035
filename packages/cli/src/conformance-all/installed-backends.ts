import { type Backend, type BackendOptions, createBackend, isCnnkitError } from '@cnnkit/core';

/** A backend `--all` tries: a name for core's createBackend and the options that pick an engine. */
export interface BackendCandidate {
  /** The column name when the backend cannot be created (otherwise its own name is used). */
  readonly label: string;
  readonly name: string;
  readonly options: BackendOptions;
}

/** Every backend cnnkit knows, one entry per engine (tfjs's cpu and wasm engines are two backends). */
export const ALL_BACKENDS: readonly BackendCandidate[] = [
  { label: 'cpu', name: 'cpu', options: {} },
  { label: 'onnxruntime', name: 'onnxruntime', options: {} },
  { label: 'tfjs-cpu', name: 'tfjs', options: { engine: 'cpu' } },
  { label: 'tfjs-wasm', name: 'tfjs', options: { engine: 'wasm' } },
];

export type Opened = { readonly backend: Backend } | { readonly missing: string };

/** Creates the backend, or says why it cannot be had here: not installed, or failing to start. */
export async function openCandidate(candidate: BackendCandidate): Promise<Opened> {
  try {
    return { backend: await createBackend(candidate.name, candidate.options, { resolveFrom: [import.meta.url] }) };
  } catch (error) {
    if (isCnnkitError(error, 'BACKEND_NOT_INSTALLED')) {
      const pkg = typeof error.details.package === 'string' ? error.details.package : candidate.name;
      return { missing: `not installed: npm install ${pkg}` };
    }
    return { missing: `could not be created: ${(error as Error).message}` };
  }
}
