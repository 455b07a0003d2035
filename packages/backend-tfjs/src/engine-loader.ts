import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import type { EngineLoader, PlainLoad, TensorflowLoad, TensorflowPackage } from './engine';

/** Where the optional peers are looked for: the application first, then this package. */
function resolveFrom(specifier: string): string | undefined {
  for (const base of [`${process.cwd()}/`, import.meta.url]) {
    try {
      return createRequire(base).resolve(specifier);
    } catch {
      // not resolvable from here; try the next base
    }
  }
  return undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * What tfjs-node's kernel backend (NodeJSKernelBackend) exposes: `isGPUPackage` and
 * `isUsingGpuDevice`, the latter read from the native binding, which asks TensorFlow whether it
 * placed ops on a GPU device. tfjs-node-gpu without CUDA / cuDNN runs on the CPU and says false.
 */
interface NodeKernelBackend {
  readonly isGPUPackage?: unknown;
  readonly isUsingGpuDevice?: unknown;
  readonly binding?: { isUsingGpuDevice?: () => unknown };
}

export function gpuInUse(backend: unknown): boolean {
  const b = backend as NodeKernelBackend | null;
  if (!b) return false;
  if (typeof b.isUsingGpuDevice === 'boolean') return b.isUsingGpuDevice;
  if (typeof b.binding?.isUsingGpuDevice === 'function') return b.binding.isUsingGpuDevice() === true;
  return false;
}

function packageVersion(resolvedEntry: string, name: string): string {
  // Walk up from the entry file to the package's own package.json.
  let dir = path.dirname(resolvedEntry);
  for (let i = 0; i < 6; i++) {
    try {
      const pj = createRequire(path.join(dir, 'x.js'))(path.join(dir, 'package.json')) as { name?: string; version?: string };
      if (pj.name === name && pj.version) return pj.version;
    } catch {
      // no package.json at this level
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

async function initialise(name: string): Promise<boolean> {
  return tf.setBackend(name);
}

let wasmPathsSet = false;

/** Imports the real packages; tfjs-node(-gpu) are optional peers loaded only when asked for. */
export const defaultEngineLoader: EngineLoader = {
  async loadTensorflow(packageName: TensorflowPackage): Promise<TensorflowLoad> {
    const entry = resolveFrom(packageName);
    if (!entry) return { ok: false, packageName, missing: true, reason: 'not installed' };
    try {
      // Importing registers the 'tensorflow' engine with tfjs-core's global registry.
      await import(/* @vite-ignore */ pathToFileURL(entry).href);
      if (!(await initialise('tensorflow'))) return { ok: false, packageName, missing: false, reason: "tf.setBackend('tensorflow') returned false" };
      return { ok: true, packageName, version: packageVersion(entry, packageName), usingGpu: gpuInUse(tf.backend()), tfBackend: 'tensorflow' };
    } catch (error) {
      return { ok: false, packageName, missing: false, reason: message(error) };
    }
  },

  async loadWasm(): Promise<PlainLoad> {
    try {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (!wasmPathsSet && typeof process !== 'undefined' && process.versions?.node) {
        // In Node the .wasm binaries are read from the package's dist folder (absolute path).
        const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
        wasm.setWasmPaths(`${path.dirname(entry)}${path.sep}`);
        wasmPathsSet = true;
      }
      if (!(await initialise('wasm'))) return { ok: false, reason: "tf.setBackend('wasm') returned false" };
      return { ok: true, version: wasm.version_wasm, tfBackend: 'wasm' };
    } catch (error) {
      return { ok: false, reason: message(error) };
    }
  },

  async loadCpu(): Promise<PlainLoad> {
    try {
      const cpu = await import('@tensorflow/tfjs-backend-cpu');
      if (!(await initialise('cpu'))) return { ok: false, reason: "tf.setBackend('cpu') returned false" };
      // Chosen on purpose (or reported in info().fallback): tfjs's "install tfjs-node" banner on
      // first use would only repeat that, on stderr, in the user's program.
      const backend = tf.findBackend('cpu') as { firstUse?: boolean } | null;
      if (backend && backend.firstUse === true) backend.firstUse = false;
      return { ok: true, version: cpu.version_cpu, tfBackend: 'cpu' };
    } catch (error) {
      return { ok: false, reason: message(error) };
    }
  },
};
