import { createBackend as createCpuBackend } from '@cnnkit/backend-cpu';
import { type Graph, type Tensor as CoreTensor, CnnkitError, Tensor, createBackend as createNamedBackend } from '@cnnkit/core';
import ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { type OnnxRuntimeBackend, createBackend } from '../src';
import { smallCnn, tensor } from './graphs';

/** The cpu backend's output for the same graph and input: the reference ORT must match. */
async function cpuReference(graph: Graph, x: CoreTensor): Promise<Float32Array> {
  const exe = await createCpuBackend().compile(graph);
  const out = await exe.run({ x });
  return Float32Array.from(await out[graph.outputs[0]!]!.data());
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!), `index ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol * (1 + Math.abs(expected[i]!)));
}

const backends: OnnxRuntimeBackend[] = [];
async function open(options: Parameters<typeof createBackend>[0] = { device: 'cpu' }): Promise<OnnxRuntimeBackend> {
  const b = await createBackend(options);
  backends.push(b);
  return b;
}
afterAll(() => backends.forEach((b) => b.dispose()));

describe('device policy on a machine without the CUDA provider (the CPU-only npm install)', () => {
  it("'cuda' throws DEVICE_UNAVAILABLE naming the missing library and ONNXRUNTIME_NODE_INSTALL=cuda12", async () => {
    const error = await createBackend({ device: 'cuda' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CnnkitError);
    expect((error as CnnkitError).code).toBe('DEVICE_UNAVAILABLE');
    expect((error as CnnkitError).message).toMatch(/asked for device 'cuda', but the CUDA execution provider is unavailable: missing libonnxruntime_providers_shared\.so/);
    expect((error as CnnkitError).message).toContain('ONNXRUNTIME_NODE_INSTALL=cuda12');
    // ORT's own words are kept: the strict path really asked ORT for the CUDA provider.
    expect((error as CnnkitError).message).toContain('ONNX Runtime said: ');
  });

  it("'auto' (the default) falls back to cpu and info() says so, with the reason", async () => {
    const b = await open({});
    const info = await b.info();
    expect(info.device).toBe('cpu');
    expect(info.fallback).toMatch(/^device 'auto' fell back to cpu: .*missing libonnxruntime_providers_shared\.so/);
    expect(b.capabilities.devices).toEqual(['cpu']);
  });

  it("'cpu' reports cpu with no fallback, and the ORT version really loaded", async () => {
    const info = await (await open({ device: 'cpu', intraOpNumThreads: 1, graphOptimizationLevel: 'basic' })).info();
    expect(info).toMatchObject({ name: 'onnxruntime', device: 'cpu' });
    expect(info.fallback).toBeUndefined();
    expect(info.versions['onnxruntime-node']).toBe(ort.env.versions.node);
    expect(info.versions['onnxruntime-node']).toBe('1.30.0');
    expect(info.description).toBe("ONNX Runtime 1.30.0, CPU execution provider, 1 intra-op threads, graph optimisation 'basic'");
  });
});

describe('capabilities', () => {
  it('inference only: no training, no kernels, float32 and int32, forward ops only', async () => {
    const b = await open();
    expect(b.capabilities).toMatchObject({ training: false, eager: false, devices: ['cpu'], dtypes: ['float32', 'int32'] });
    expect(b.capabilities.ops).toContain('conv2d');
    expect(b.capabilities.ops).not.toContain('conv2dBackwardInput');
    expect((b as { kernels?: unknown }).kernels).toBeUndefined();
  });

  it("loads through core's createBackend('onnxruntime') (package resolved by name)", async () => {
    const b = await createNamedBackend('onnxruntime', { device: 'cpu' });
    try {
      expect(b.name).toBe('onnxruntime');
      expect((await b.info()).device).toBe('cpu');
    } finally {
      await b.dispose?.();
    }
  });
});

describe('compile and run', () => {
  it('matches the cpu backend on a small CNN, at batch 1 and 3 with one session (symbolic batch)', async () => {
    const b = await open();
    const graph = smallCnn();
    const exe = await b.compile(graph);
    for (const n of [1, 3]) {
      const x = Tensor.fromValue(tensor([n, 2, 5, 5], 10 + n));
      const out = (await exe.run({ x })).logits!;
      expect(out.shape).toEqual([n, 3]);
      expect(out.backend).toBe('onnxruntime');
      expectClose(await out.data(), await cpuReference(graph, x));
      out.dispose();
    }
    expect(b.sessionCount).toBe(1);
    exe.dispose();
  });

  it('runs conv + batchNorm with the BatchNorm folded (the default) and unfolded (foldBatchNorm: false), both matching the cpu backend', async () => {
    const graph: Graph = {
      name: 'convbn',
      inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 2, 6, 6] }],
      outputs: ['y'],
      initializers: {
        w: tensor([3, 2, 3, 3], 21), b: tensor([3], 22), scale: tensor([3], 23), shift: tensor([3], 24), mean: tensor([3], 25),
        // Variances must be positive: |values| + 0.5.
        var: { dtype: 'float32', shape: [3], data: Float32Array.from(tensor([3], 26).data as Float32Array, (v) => Math.abs(v) + 0.5) },
      },
      nodes: [
        { name: 'conv', op: 'conv2d', inputs: ['x', 'w', 'b'], outputs: ['c'], attrs: { pads: 1 } },
        { name: 'bn', op: 'batchNorm', inputs: ['c', 'scale', 'shift', 'mean', 'var'], outputs: ['y'], attrs: { epsilon: 1e-3 } },
      ],
    };
    const x = Tensor.fromValue(tensor([2, 2, 6, 6], 27));
    const want = await cpuReference(graph, x);
    for (const b of [await open({ device: 'cpu' }), await open({ device: 'cpu', foldBatchNorm: false })]) {
      const exe = await b.compile(graph);
      const out = await exe.run({ x });
      expectClose(await out.y!.data(), want);
      out.y!.dispose();
      exe.dispose();
    }
  });

  it('outputs keep their values in the ort.Tensor; dispose ends the tensor and leaves a CPU ort.Tensor, which holds nothing native, to the collector', async () => {
    const exe = await (await open()).compile(smallCnn());
    const out = (await exe.run({ x: Tensor.fromValue(tensor([2, 2, 5, 5], 3)) })).logits!;
    const handle = out.handle as ort.Tensor;
    expect(handle).toBeInstanceOf(ort.Tensor);
    expect(out.dataSync()).toBe(handle.data);
    out.dispose();
    expect(() => out.dataSync()).toThrow(/used after dispose/);
    expect(handle.location).toBe('cpu');
    exe.dispose();
  });

  it('takes its own tensors (fromHost) as feeds without a copy, and feeds from other backends', async () => {
    const b = await open();
    const exe = await b.compile(smallCnn());
    const value = tensor([1, 2, 5, 5], 4);
    const own = b.fromHost(value);
    expect(own.handle).toBeInstanceOf(ort.Tensor);
    const viaOwn = await (await exe.run({ x: own })).logits!.data();
    const viaCpu = await (await exe.run({ x: createCpuBackend().fromHost(value) })).logits!.data();
    expect(Array.from(viaOwn)).toEqual(Array.from(viaCpu));
    exe.dispose();
  });

  it('caches sessions per graph: the same graph, or an equal one, reuses its session; idle ones beyond maxIdleSessions are released', async () => {
    const b = await open({ device: 'cpu', maxIdleSessions: 1 });
    const g = smallCnn(1);
    const first = await b.compile(g);
    const again = await b.compile(g);
    const equal = await b.compile(smallCnn(1));
    expect(b.sessionCount).toBe(1);
    const other = await b.compile(smallCnn(2));
    expect(b.sessionCount).toBe(2);
    [first, again, equal].forEach((e) => e.dispose());
    expect(b.sessionCount).toBe(2); // idle, within maxIdleSessions
    other.dispose();
    expect(b.sessionCount).toBe(1); // two idle: the least recently released goes
    // The survivor is smallCnn(2)'s: compiling it again makes no new session.
    const back = await b.compile(smallCnn(2));
    expect(b.sessionCount).toBe(1);
    back.dispose();
  });

  it('an executable used after dispose, a missing feed or a wrong shape are CnnkitErrors', async () => {
    const exe = await (await open()).compile(smallCnn());
    await expect(exe.run({ x: Tensor.fromValue(tensor([1, 3, 5, 5], 1)) })).rejects.toMatchObject({ code: 'SHAPE_MISMATCH' });
    await expect(exe.run({})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    exe.dispose();
    await expect(exe.run({ x: Tensor.fromValue(tensor([1, 2, 5, 5], 1)) })).rejects.toMatchObject({ code: 'DISPOSED' });
  });

  it('refuses training ops with UNSUPPORTED_OP naming them', async () => {
    const graph: Graph = {
      name: 'backward',
      inputs: [{ name: 'dy', dtype: 'float32', shape: [1, 1, 3, 3] }, { name: 'w', dtype: 'float32', shape: [1, 1, 3, 3] }],
      outputs: ['dx'],
      initializers: {},
      nodes: [{ name: 'bwd', op: 'conv2dBackwardInput', inputs: ['dy', 'w'], outputs: ['dx'], attrs: { pads: 1, inputSize: [3, 3] } }],
    };
    await expect((await open()).compile(graph)).rejects.toThrow(/backend 'onnxruntime' cannot run conv2dBackwardInput used by graph 'backward'/);
  });
});

describe('the event loop', () => {
  it('keeps turning while a batch of concurrent runs is in flight (timers fire between runs)', async () => {
    const b = await open();
    // Big enough that 20 runs take a while: 64 channels of 48x48, 3x3 conv.
    const graph: Graph = {
      name: 'heavy',
      inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 64, 48, 48] }],
      outputs: ['y'],
      initializers: { w: tensor([64, 64, 3, 3], 5) },
      nodes: [{ name: 'conv', op: 'conv2d', inputs: ['x', 'w'], outputs: ['y'], attrs: { pads: 1 } }],
    };
    const exe = await b.compile(graph);
    const x = Tensor.fromValue(tensor([4, 64, 48, 48], 6));
    const runs = 20;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    const outs = await Promise.all(Array.from({ length: runs }, () => exe.run({ x })));
    const ms = performance.now() - started;
    clearInterval(timer);
    outs.forEach((o) => o.y!.dispose());
    exe.dispose();
    // Started all at once, ORT's own deferral would run them back to back in one event-loop
    // phase (0 ticks); the backend's queue gives the loop a turn before each run.
    console.log(`${runs} concurrent runs in ${ms.toFixed(0)} ms, timer fired ${ticks} times`);
    expect(ticks).toBeGreaterThanOrEqual(runs - 1);
  });
});
