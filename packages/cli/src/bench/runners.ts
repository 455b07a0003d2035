import { BACKEND_CANDIDATES, type BackendCandidate } from '../compare/installed-backends';
import type { Runner } from './results';

/** The cnnkit backends `--backends` names, each with the candidate that opens it. */
export const BENCH_BACKENDS: Readonly<Record<string, { readonly runner: Runner; readonly candidate: BackendCandidate }>> = Object.fromEntries(
  ([['cpu', 'cpu', undefined], ['tfjs-tensorflow', 'tfjs (tensorflow)', 'tensorflow'], ['tfjs-wasm', 'tfjs (wasm)', 'wasm'], ['tfjs-cpu', 'tfjs (cpu)', 'cpu'], ['onnxruntime', 'onnxruntime', undefined]] as const)
    .map(([key, label, engine]) => {
      const candidate = BACKEND_CANDIDATES.find((c) => c.label === label)!;
      const runner: Runner = engine === undefined ? { label: `cnnkit ${label}`, kind: 'cnnkit' } : { label: `cnnkit ${label}`, kind: 'cnnkit', engine };
      return [key, { runner, candidate }];
    }),
);

export const DEFAULT_BACKENDS = ['cpu', 'tfjs-wasm', 'tfjs-cpu', 'onnxruntime'] as const;
export const DEFAULT_MODELS = ['lenet5', 'resnet18', 'resnet50', 'vgg11', 'textCnn'] as const;
/** The raw-tfjs engines compared against (tfjs-node cannot install on these machines). */
export const RAW_TFJS_ENGINES = ['wasm', 'cpu'] as const;
