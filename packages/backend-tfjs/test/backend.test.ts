import { createRequire } from 'node:module';
import { GraphBuilder, OP_TYPES, TRAINING_OP_TYPES, Tensor } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { TFJS_NODE, TFJS_NODE_GPU, TF_KERNELS, TfjsBackend, createBackend } from '../src';

function resolvable(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

describe('info() tells the truth', () => {
  it("engine 'cpu': device cpu, tfjs's cpu engine active, its versions, no fallback", async () => {
    const b = await createBackend({ engine: 'cpu' });
    const info = await b.info();
    expect(info).toMatchObject({ name: 'tfjs-cpu', device: 'cpu' });
    expect(info.fallback).toBeUndefined();
    expect(info.description).toContain("TensorFlow.js engine 'cpu'");
    expect(info.versions).toMatchObject({ '@tensorflow/tfjs-core': '4.22.0', '@tensorflow/tfjs-backend-cpu': '4.22.0' });
    expect(b.capabilities.devices).toEqual(['cpu']);
  });

  it("engine 'wasm': device wasm (WebAssembly on the CPU), declared and reported alike", async () => {
    const b = await createBackend({ engine: 'wasm' });
    const info = await b.info();
    expect(info).toMatchObject({ name: 'tfjs-wasm', device: 'wasm' });
    expect(info.description).toContain("TensorFlow.js engine 'wasm'");
    expect(info.description).toContain('WebAssembly');
    expect(info.versions['@tensorflow/tfjs-backend-wasm']).toBe('4.22.0');
    expect(b.capabilities.devices).toEqual(['wasm']);
  });

  it.skipIf(resolvable(TFJS_NODE) || resolvable(TFJS_NODE_GPU))("engine 'auto' without tfjs-node runs wasm and says so in info().fallback", async () => {
    const b = await createBackend();
    const info = await b.info();
    expect(info.device).toBe('wasm');
    expect(info.fallback).toContain(`${TFJS_NODE} is not installed`);
    expect(info.fallback).toContain(`npm install ${TFJS_NODE}`);
  });

  it.skipIf(resolvable(TFJS_NODE) || resolvable(TFJS_NODE_GPU))("engine 'tensorflow' without tfjs-node is a clear BACKEND_NOT_INSTALLED", async () => {
    await expect(createBackend({ engine: 'tensorflow' })).rejects.toMatchObject({ code: 'BACKEND_NOT_INSTALLED', message: expect.stringContaining(`npm install ${TFJS_NODE}`) });
  });

  it("for the tensorflow engine, asks the running engine about the GPU instead of repeating what creation decided", async () => {
    await createBackend({ engine: 'cpu' });
    // Creation claimed a GPU; the engine actually running (tfjs's cpu engine, standing in for a
    // tfjs-node binding that lost its GPU) has none, and info() must say so.
    const b = new TfjsBackend({ engine: 'tensorflow', tfBackend: 'cpu', device: 'cuda', devices: ['cuda', 'cpu'], packageName: TFJS_NODE_GPU, versions: {} });
    const info = await b.info();
    expect(info.device).toBe('cpu');
    expect(info.description).not.toContain('GPU');
  });

  it('reports its own engine after another backend of this package made a different engine active', async () => {
    const cpu = await createBackend({ engine: 'cpu' });
    const wasm = await createBackend({ engine: 'wasm' });
    expect(tf.getBackend()).toBe('wasm');
    expect((await cpu.info()).description).toContain("engine 'cpu'");
    // Kernels switch too: the cpu backend's kernel runs on tfjs's cpu engine.
    const x = cpu.fromHost({ dtype: 'float32', shape: [2], data: Float32Array.from([-1, 2]) });
    expect(tf.getBackend()).toBe('cpu');
    void wasm.kernels.relu!([wasm.fromHost({ dtype: 'float32', shape: [1], data: Float32Array.from([1]) })], {});
    expect(tf.getBackend()).toBe('wasm');
    expect(Array.from(cpu.kernels.relu!([x], {})[0]!.dataSync())).toEqual([0, 2]);
    expect(tf.getBackend()).toBe('cpu');
  });
});

describe('capabilities', () => {
  it('declares exactly the ops that have kernels, every forward op among them, and training only with every training kernel', async () => {
    const b = await createBackend({ engine: 'cpu' });
    const forward = OP_TYPES.filter((op) => !TRAINING_OP_TYPES.includes(op));
    expect(forward.filter((op) => !b.capabilities.ops.includes(op))).toEqual([]);
    expect(b.capabilities.ops).toEqual(OP_TYPES.filter((op) => TF_KERNELS[op] !== undefined));
    expect(b.capabilities.training).toBe(TRAINING_OP_TYPES.every((op) => TF_KERNELS[op] !== undefined));
    expect(b.capabilities).toMatchObject({ eager: true, dtypes: ['float32', 'int32'] });
  });
});

describe('tensors', () => {
  it('wrap a tf.Tensor: the handle, sync and async reads, dispose frees tfjs memory', async () => {
    const b = await createBackend({ engine: 'cpu' });
    const before = tf.memory().numTensors;
    const t = b.fromHost({ dtype: 'int32', shape: [2, 2], data: Int32Array.from([1, 2, 3, 4]) });
    expect(t.backend).toBe('tfjs-cpu');
    expect(t.handle).toBeInstanceOf(tf.Tensor);
    expect(t.dtype).toBe('int32');
    expect(t.dataSync()).toEqual(Int32Array.from([1, 2, 3, 4]));
    expect(await t.data()).toEqual(Int32Array.from([1, 2, 3, 4]));
    expect(tf.memory().numTensors).toBe(before + 1);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('kernels refuse tensors of another backend, naming it', async () => {
    const b = await createBackend({ engine: 'cpu' });
    expect(() => b.kernels.relu!([Tensor.from([1], [1])], {})).toThrow(/tfjs-cpu relu: given a tensor \[1\] from backend 'host'; expected a tensor of a tfjs backend/);
  });

  it('an identity kernel hands out its own tensor: disposing the output leaves the input alive', async () => {
    const b = await createBackend({ engine: 'cpu' });
    const x = b.fromHost({ dtype: 'float32', shape: [3], data: Float32Array.from([1, 2, 3]) });
    const [y] = b.kernels.dropout!([x], { ratio: 0.5, training: false, seed: 1 });
    y!.dispose();
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3]);
    x.dispose();
  });
});

/** A small CNN: conv (bias) -> batchNorm -> relu -> maxPool -> conv -> globalAvgPool -> flatten -> linear -> softmax. */
function smallGraph() {
  const g = new GraphBuilder('leak-check');
  const values = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 31 + i) * 0.5);
  const x = g.input('x', 'float32', [2, 3, 8, 8]);
  const w1 = g.initializer('w1', { dtype: 'float32', shape: [4, 3, 3, 3], data: values(108, 1) });
  const b1 = g.initializer('b1', { dtype: 'float32', shape: [4], data: values(4, 2) });
  const bn = ['scale', 'bias', 'mean', 'var'].map((n, i) => g.initializer(n, { dtype: 'float32', shape: [4], data: i === 3 ? Float32Array.from([1, 2, 3, 4]) : values(4, 3 + i) }));
  const w2 = g.initializer('w2', { dtype: 'float32', shape: [6, 2, 3, 3], data: values(108, 7) });
  const fc = g.initializer('fc', { dtype: 'float32', shape: [5, 6], data: values(30, 8) });
  const fcb = g.initializer('fcb', { dtype: 'float32', shape: [5], data: values(5, 9) });
  let h = g.op('conv2d', [x, w1, b1], { pads: 1 });
  h = g.op('batchNorm', [h, ...bn]);
  h = g.op('relu', [h]);
  h = g.op('maxPool2d', [h], { kernelSize: 2, ceilMode: true });
  h = g.op('conv2d', [h, w2], { pads: 'same', groups: 2 });
  h = g.op('globalAvgPool', [h]);
  h = g.op('flatten', [h], { startDim: 1 });
  h = g.op('linear', [h, fc, fcb]);
  g.output(g.op('softmax', [h], { axis: 1 }));
  return g.build();
}

describe('no leaked tensors', () => {
  for (const engine of ['cpu', 'wasm'] as const) {
    it(`tf.memory().numTensors is flat across 1,000 inferences of a small graph (${engine})`, async () => {
      const b = await createBackend({ engine });
      const start = tf.memory().numTensors;
      const exe = await b.compile(smallGraph());
      const feed = b.fromHost({ dtype: 'float32', shape: [2, 3, 8, 8], data: Float32Array.from({ length: 384 }, (_, i) => Math.cos(i)) });
      const once = async () => {
        const out = await exe.run({ x: feed });
        for (const t of Object.values(out)) t.dispose();
      };
      await once();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 1000; i++) await once();
      expect(tf.memory().numTensors).toBe(before);
      // Feeds from elsewhere (host tensors) are uploaded and freed by the run too.
      const hostFeed = Tensor.from(Float32Array.from({ length: 384 }, (_, i) => Math.sin(i)), [2, 3, 8, 8]);
      for (let i = 0; i < 10; i++) {
        const out = await exe.run({ x: hostFeed });
        for (const t of Object.values(out)) t.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
      feed.dispose();
      exe.dispose();
      expect(tf.memory().numTensors).toBe(start);
    });
  }
});
