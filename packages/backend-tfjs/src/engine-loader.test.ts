import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { TFJS_NODE, TFJS_NODE_GPU } from './engine';
import { defaultEngineLoader, gpuInUse } from './engine-loader';

function resolvable(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

describe('gpuInUse: reading tfjs-node\'s kernel backend', () => {
  it("takes NodeJSKernelBackend's isUsingGpuDevice field as it is", () => {
    expect(gpuInUse({ isGPUPackage: true, isUsingGpuDevice: true })).toBe(true);
    // tfjs-node-gpu without CUDA: the GPU package, but TensorFlow placed nothing on a GPU.
    expect(gpuInUse({ isGPUPackage: true, isUsingGpuDevice: false })).toBe(false);
  });

  it("asks the native binding when the field is absent", () => {
    expect(gpuInUse({ binding: { isUsingGpuDevice: () => true } })).toBe(true);
    expect(gpuInUse({ binding: { isUsingGpuDevice: () => false } })).toBe(false);
  });

  it('is false for any other engine (no such field): never claims a GPU it cannot see', () => {
    expect(gpuInUse({})).toBe(false);
    expect(gpuInUse(null)).toBe(false);
    expect(gpuInUse({ isUsingGpuDevice: 'yes' })).toBe(false);
  });
});

describe('defaultEngineLoader', () => {
  for (const pkg of [TFJS_NODE, TFJS_NODE_GPU] as const) {
    it.skipIf(resolvable(pkg))(`reports ${pkg} as missing (not installed here) without throwing`, async () => {
      expect(await defaultEngineLoader.loadTensorflow(pkg)).toEqual({ ok: false, packageName: pkg, missing: true, reason: 'not installed' });
    });
  }

  it('initialises the wasm engine from the package\'s own .wasm files', async () => {
    const r = await defaultEngineLoader.loadWasm();
    expect(r).toEqual({ ok: true, version: '4.22.0', tfBackend: 'wasm' });
  });

  it('initialises the cpu engine', async () => {
    expect(await defaultEngineLoader.loadCpu()).toEqual({ ok: true, version: '4.22.0', tfBackend: 'cpu' });
  });
});
