import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { type EngineLoader, type PlainLoad, type TensorflowLoad, type TensorflowPackage, TFJS_NODE, TFJS_NODE_GPU, resolveEngine } from './engine';

/** What each fake package does when loaded: absent, broken, or running on the CPU / a GPU. */
type FakePackage = 'absent' | 'broken' | 'cpu' | 'gpu';

interface FakeSetup {
  readonly node?: FakePackage;
  readonly nodeGpu?: FakePackage;
  readonly wasm?: boolean;
  readonly cpu?: boolean;
}

/** A loader standing in for the real packages; it records what was asked for, in order. */
function fakeLoader(setup: FakeSetup): EngineLoader & { readonly calls: string[] } {
  const calls: string[] = [];
  const plain = (name: string, ok: boolean): PlainLoad => (ok ? { ok: true, version: '4.22.0', tfBackend: name } : { ok: false, reason: `${name} init failed` });
  return {
    calls,
    async loadTensorflow(packageName: TensorflowPackage): Promise<TensorflowLoad> {
      calls.push(packageName);
      const state = (packageName === TFJS_NODE ? setup.node : setup.nodeGpu) ?? 'absent';
      if (state === 'absent') return { ok: false, packageName, missing: true, reason: 'not installed' };
      if (state === 'broken') return { ok: false, packageName, missing: false, reason: 'libtensorflow.so.2: cannot open shared object file' };
      return { ok: true, packageName, version: '4.22.0', usingGpu: state === 'gpu', tfBackend: 'tensorflow' };
    },
    async loadWasm() {
      calls.push('wasm');
      return plain('wasm', setup.wasm ?? true);
    },
    async loadCpu() {
      calls.push('cpu');
      return plain('cpu', setup.cpu ?? true);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<CnnkitError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CnnkitError);
  return error as CnnkitError;
}

describe('resolveEngine: engine choice', () => {
  it("'auto' without tfjs-node falls back to wasm and says why, naming the packages and the install command", async () => {
    const loader = fakeLoader({});
    const r = await resolveEngine({ engine: 'auto' }, loader);
    expect(r.engine).toBe('wasm');
    expect(r.device).toBe('wasm');
    expect(r.devices).toEqual(['wasm']);
    expect(r.fallback).toContain(`${TFJS_NODE_GPU} is not installed`);
    expect(r.fallback).toContain(`${TFJS_NODE} is not installed`);
    expect(r.fallback).toContain(`npm install ${TFJS_NODE}`);
    expect(loader.calls).toEqual([TFJS_NODE_GPU, TFJS_NODE, 'wasm']);
  });

  it("'auto' is the default engine", async () => {
    const r = await resolveEngine({}, fakeLoader({}));
    expect(r.engine).toBe('wasm');
  });

  it("'auto' falls back to cpu when wasm fails too, carrying every reason", async () => {
    const r = await resolveEngine({ engine: 'auto' }, fakeLoader({ wasm: false }));
    expect(r.engine).toBe('cpu');
    expect(r.device).toBe('cpu');
    expect(r.fallback).toContain('wasm init failed');
  });

  it("'auto' with nothing working is BACKEND_NOT_INSTALLED listing what failed", async () => {
    const e = await rejection(resolveEngine({ engine: 'auto' }, fakeLoader({ wasm: false, cpu: false })));
    expect(e.code).toBe('BACKEND_NOT_INSTALLED');
    expect(e.message).toMatch(/wasm init failed.*cpu init failed/);
  });

  it("'auto' picks tensorflow when tfjs-node is installed; under device 'auto' it says why not the GPU package", async () => {
    const r = await resolveEngine({ engine: 'auto' }, fakeLoader({ node: 'cpu' }));
    expect(r.engine).toBe('tensorflow');
    expect(r.packageName).toBe(TFJS_NODE);
    expect(r.device).toBe('cpu');
    expect(r.fallback).toContain(`${TFJS_NODE_GPU} is not installed`);
  });

  it("'tensorflow' without tfjs-node is BACKEND_NOT_INSTALLED naming both packages and how to install them", async () => {
    const e = await rejection(resolveEngine({ engine: 'tensorflow' }, fakeLoader({})));
    expect(e.code).toBe('BACKEND_NOT_INSTALLED');
    expect(e.message).toContain(`'npm install ${TFJS_NODE}'`);
    expect(e.message).toContain(`'npm install ${TFJS_NODE_GPU}'`);
    expect(e.message).toContain("engine 'wasm' or 'cpu'");
  });

  it("'tensorflow' with a package that is installed but broken says so, with the loader's reason", async () => {
    const e = await rejection(resolveEngine({ engine: 'tensorflow', device: 'cpu' }, fakeLoader({ node: 'broken' })));
    expect(e.code).toBe('BACKEND_NOT_INSTALLED');
    expect(e.message).toContain(`${TFJS_NODE} is installed but failed to load: libtensorflow.so.2`);
  });

  it("'wasm' and 'cpu' load only themselves; device 'cpu' and 'auto' are fine", async () => {
    for (const engine of ['wasm', 'cpu'] as const) {
      const loader = fakeLoader({ node: 'cpu' });
      const r = await resolveEngine({ engine, device: 'auto' }, loader);
      expect(r).toMatchObject({ engine, tfBackend: engine, device: engine === 'wasm' ? 'wasm' : 'cpu' });
      expect(r.fallback).toBeUndefined();
      expect(loader.calls).toEqual([engine]);
    }
  });

  it('rejects unknown engine and device names', async () => {
    expect((await rejection(resolveEngine({ engine: 'webgl' }, fakeLoader({})))).message).toContain(`engine "webgl" is not one of 'tensorflow', 'wasm', 'cpu', 'auto'`);
    expect((await rejection(resolveEngine({ device: 'tpu' }, fakeLoader({})))).code).toBe('INVALID_ARGUMENT');
  });
});

describe('resolveEngine: GPU policy (tfjs-node-gpu faked)', () => {
  it("device 'gpu' with tfjs-node-gpu really on the GPU reports cuda", async () => {
    const r = await resolveEngine({ engine: 'tensorflow', device: 'gpu' }, fakeLoader({ nodeGpu: 'gpu' }));
    expect(r).toMatchObject({ engine: 'tensorflow', device: 'cuda', packageName: TFJS_NODE_GPU, devices: ['cuda', 'cpu'] });
    expect(r.fallback).toBeUndefined();
  });

  it("device 'gpu' (strict) with tfjs-node-gpu silently on the CPU is DEVICE_UNAVAILABLE naming CUDA 11.2 / cuDNN 8.1", async () => {
    const e = await rejection(resolveEngine({ engine: 'tensorflow', device: 'gpu' }, fakeLoader({ nodeGpu: 'cpu', node: 'cpu' })));
    expect(e.code).toBe('DEVICE_UNAVAILABLE');
    expect(e.message).toContain('running on the CPU');
    expect(e.message).toContain('CUDA 11.2 / cuDNN 8.1');
  });

  it("device 'cuda' is the same strict request", async () => {
    const e = await rejection(resolveEngine({ engine: 'auto', device: 'cuda' }, fakeLoader({ nodeGpu: 'cpu' })));
    expect(e.code).toBe('DEVICE_UNAVAILABLE');
  });

  it("device 'gpu' without tfjs-node-gpu is DEVICE_UNAVAILABLE saying how to install it, even when tfjs-node is there", async () => {
    const loader = fakeLoader({ node: 'cpu' });
    const e = await rejection(resolveEngine({ engine: 'auto', device: 'gpu' }, loader));
    expect(e.code).toBe('DEVICE_UNAVAILABLE');
    expect(e.message).toContain(`npm install ${TFJS_NODE_GPU}`);
    expect(loader.calls).toEqual([TFJS_NODE_GPU]);
  });

  it("device 'auto' with tfjs-node-gpu on the CPU falls back to cpu and says why in fallback", async () => {
    const r = await resolveEngine({ engine: 'tensorflow', device: 'auto' }, fakeLoader({ nodeGpu: 'cpu' }));
    expect(r).toMatchObject({ engine: 'tensorflow', device: 'cpu', packageName: TFJS_NODE_GPU, devices: ['cuda', 'cpu'] });
    expect(r.fallback).toContain(`${TFJS_NODE_GPU} loaded but is running on the CPU`);
  });

  it("device 'auto' with a broken tfjs-node-gpu moves on to tfjs-node and reports the failure", async () => {
    const r = await resolveEngine({ engine: 'tensorflow' }, fakeLoader({ nodeGpu: 'broken', node: 'cpu' }));
    expect(r).toMatchObject({ device: 'cpu', packageName: TFJS_NODE });
    expect(r.fallback).toContain(`${TFJS_NODE_GPU} is installed but failed to load`);
  });

  it("device 'cpu' prefers tfjs-node and never reports a fallback", async () => {
    const loader = fakeLoader({ node: 'cpu', nodeGpu: 'gpu' });
    const r = await resolveEngine({ engine: 'tensorflow', device: 'cpu' }, loader);
    expect(r).toMatchObject({ device: 'cpu', packageName: TFJS_NODE, devices: ['cpu'] });
    expect(r.fallback).toBeUndefined();
    expect(loader.calls).toEqual([TFJS_NODE]);
  });

  it("device 'cpu' with only tfjs-node-gpu, which found a GPU, is DEVICE_UNAVAILABLE rather than a silent GPU", async () => {
    const e = await rejection(resolveEngine({ engine: 'tensorflow', device: 'cpu' }, fakeLoader({ nodeGpu: 'gpu' })));
    expect(e.code).toBe('DEVICE_UNAVAILABLE');
    expect(e.message).toContain("CUDA_VISIBLE_DEVICES=''");
  });

  it("engines 'wasm' and 'cpu' refuse a GPU", async () => {
    for (const engine of ['wasm', 'cpu'] as const) {
      const e = await rejection(resolveEngine({ engine, device: 'gpu' }, fakeLoader({})));
      expect(e.code).toBe('DEVICE_UNAVAILABLE');
      expect(e.message).toContain(`engine '${engine}' runs on the CPU`);
    }
  });
});
