import type { BackendCandidate } from '../compare/installed-backends';

export { type BackendCandidate, type Opened, openCandidate } from '../compare/installed-backends';

/**
 * The backends `--all` runs and docs/coverage.md has a column for, one entry per engine
 * (tfjs's cpu and wasm engines are two backends); the label names a column whose backend cannot
 * be created.
 */
export const ALL_BACKENDS: readonly BackendCandidate[] = [
  { label: 'cpu', name: 'cpu', options: {} },
  { label: 'onnxruntime', name: 'onnxruntime', options: {} },
  { label: 'tfjs-cpu', name: 'tfjs', options: { engine: 'cpu' } },
  { label: 'tfjs-wasm', name: 'tfjs', options: { engine: 'wasm' } },
];
