import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** What to tell a user whose CUDA execution provider did not load. */
export const CUDA_INSTALL_HINT = "reinstall onnxruntime-node with the CUDA provider: ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node (or pnpm / yarn), on a machine with CUDA 12 and cuDNN 9";

/** ORT's own provider libraries for CUDA, in the order it loads them. */
export function cudaProviderLibraries(platform: NodeJS.Platform = process.platform): string[] {
  return platform === 'win32'
    ? ['onnxruntime_providers_shared.dll', 'onnxruntime_providers_cuda.dll']
    : ['libonnxruntime_providers_shared.so', 'libonnxruntime_providers_cuda.so'];
}

/**
 * The library a loader error names: the one right before "cannot open shared object file" (Linux:
 * "…/libonnxruntime_providers_cuda.so with error: libcublasLt.so.12: cannot open shared object
 * file") or the one Windows' LoadLibrary was "trying to load".
 */
export function libraryNamedIn(message: string): string | undefined {
  const linux = /([\w.+-]+\.so[\w.]*):\s*cannot open shared object file/.exec(message);
  if (linux?.[1]) return linux[1];
  const windows = /when trying to load "([^"]+)"/.exec(message);
  return windows?.[1] ? path.win32.basename(windows[1]) : undefined;
}

/** Libraries `ldd` reports as "not found" for a shared object (Linux only; empty when it cannot tell). */
export function unresolvedDependencies(file: string): string[] {
  if (process.platform !== 'linux') return [];
  const r = spawnSync('ldd', [file], { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0 || typeof r.stdout !== 'string') return [];
  return r.stdout.split('\n').map((line) => /^\s*(\S+)\s*=>\s*not found/.exec(line)?.[1]).filter((x): x is string => x !== undefined);
}

export interface CudaDiagnosis {
  /** The libraries that could not be loaded, first the one that stopped ORT. */
  readonly missing: readonly string[];
  /** One sentence for an error message or info().fallback. */
  readonly summary: string;
}

/**
 * Why the CUDA execution provider did not load. ORT's JavaScript error says only "Failed to load
 * shared library" (the file it wanted goes to its native log), so the name comes from the error
 * when it carries one, else from looking where ORT looks: its provider libraries beside the
 * binding, then what those link against (libcudart, libcublas, libcudnn) that the loader cannot find.
 */
export function diagnoseCuda(binaryDir: string, ortMessage?: string): CudaDiagnosis {
  const named = ortMessage === undefined ? undefined : libraryNamedIn(ortMessage);
  const absent = cudaProviderLibraries().filter((lib) => !existsSync(path.join(binaryDir, lib)));
  const unresolved = absent.length === 0 ? unresolvedDependencies(path.join(binaryDir, cudaProviderLibraries().at(-1)!)) : [];
  const missing = [...new Set([...(named ? [named] : []), ...absent, ...unresolved])];
  const where = absent.length > 0 ? ` (not in ${binaryDir})` : unresolved.length > 0 ? ' (not found by the dynamic loader)' : '';
  const what = missing.length > 0 ? `missing ${missing.join(', ')}${where}` : 'its libraries did not load';
  const ort = ortMessage === undefined ? '' : `; ONNX Runtime said: ${ortMessage}`;
  return { missing, summary: `the CUDA execution provider is unavailable: ${what}${ort}` };
}
