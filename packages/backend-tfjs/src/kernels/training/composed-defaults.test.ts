import { KERNELS as CPU_KERNELS, cpuTensor } from '@cnnkit/backend-cpu';
import { type AttrsInput, CnnkitError, type OpAttrs, type OpType, Rng, type Tensor, getOpDef } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { convFilterGradient } from './conv-filter-gradient';
import { convInputGradient } from './conv-input-gradient';
import { useNativeFilterGradient, useNativeTransposedConv } from './engine-kernels';
import { gatherGradient } from './gather-backward';

/**
 * Three training kernels can run two ways: the engine's own kernel (Conv2DBackpropFilter,
 * Conv2DBackpropInput, UnsortedSegmentSum) or a composed default (engine-kernels.ts chooses). The
 * conformance suite runs whichever each engine chooses; here, on the cpu engine, which has every
 * native kernel, both ways must agree with each other and with backend-cpu's reference kernels on
 * geometries the goldens do not all combine.
 */

function normalized<K extends OpType>(op: K, attrs: AttrsInput<K>): OpAttrs<K> {
  return getOpDef(op).normalize(attrs as Record<string, unknown>, op);
}

function randomValues(rng: Rng, size: number): Float32Array {
  return Float32Array.from({ length: size }, () => rng.nextNormal());
}

function reference<K extends OpType>(op: K, inputs: readonly Tensor[], attrs: OpAttrs<K>): Float32Array {
  const kernel = CPU_KERNELS[op] as (inputs: readonly Tensor[], attrs: OpAttrs<K>) => Tensor[];
  return kernel(inputs, attrs)[0]!.dataSync() as Float32Array;
}

function expectClose(got: tf.Tensor, expected: Float32Array): void {
  const values = got.dataSync();
  expect(values.length).toBe(expected.length);
  const scale = Math.max(1, ...Array.from(expected, Math.abs));
  for (let i = 0; i < expected.length; i++) expect(Math.abs(values[i]! - expected[i]!), `index ${i}`).toBeLessThan(1e-4 * scale);
}

beforeAll(async () => {
  await createBackend({ engine: 'wasm' });
  await createBackend({ engine: 'cpu' });
});

describe('which way each engine takes', () => {
  it('wasm lacks Conv2DBackpropFilter and UnsortedSegmentSum and composes them (scatterND), and composes its transposed convolution', async () => {
    await tf.setBackend('wasm');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeUndefined();
    expect(tf.getKernel(tf.UnsortedSegmentSum, 'wasm')).toBeUndefined();
    expect(tf.getKernel(tf.ScatterNd, 'wasm')).toBeDefined();
    expect(useNativeFilterGradient()).toBe(false);
    expect(useNativeTransposedConv()).toBe(false);
  });

  it('cpu has all three native kernels; it runs its transposed convolution and composes the filter gradient (faster there)', async () => {
    await tf.setBackend('cpu');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'cpu')).toBeDefined();
    expect(tf.getKernel(tf.UnsortedSegmentSum, 'cpu')).toBeDefined();
    expect(useNativeFilterGradient()).toBe(false);
    expect(useNativeTransposedConv()).toBe(true);
  });
});

const convCases: { name: string; spatial: 1 | 2; x: number[]; w: number[]; attrs: AttrsInput<'conv2d'> }[] = [
    { name: 'stride 2, dilation 2, groups 2, asymmetric pads', spatial: 2, x: [2, 4, 9, 8], w: [6, 2, 3, 2], attrs: { strides: [2, 1], dilations: [2, 2], groups: 2, pads: [1, 0, 2, 1] } },
    { name: "'same', stride 2, even kernel", spatial: 2, x: [3, 2, 7, 6], w: [3, 2, 4, 4], attrs: { strides: 2, pads: 'same' } },
    { name: 'circular, stride 2, dilation 2', spatial: 2, x: [2, 3, 8, 7], w: [2, 3, 3, 3], attrs: { strides: 2, dilations: 2, pads: [2, 1, 1, 2], paddingMode: 'circular' } },
    { name: 'depthwise with channel multiplier 2', spatial: 2, x: [2, 3, 6, 6], w: [6, 1, 3, 3], attrs: { groups: 3, pads: 1 } },
    { name: 'conv1d, stride 3, dilation 2, circular', spatial: 1, x: [2, 2, 13], w: [4, 2, 3], attrs: { strides: 3, dilations: 2, pads: [2, 3], paddingMode: 'circular' } },
    { name: '1×1, stride 3 (windows skip input rows)', spatial: 2, x: [2, 3, 8, 7], w: [4, 3, 1, 1], attrs: { strides: 3 } },
];

/** dy of the forward convolution's shape, random, and the attributes normalised. */
function convSetup(spatial: 1 | 2, x: number[], w: number[], attrs: AttrsInput<'conv2d'>): { full: OpAttrs<'conv2d'>; dyShape: number[] } {
  const forward = spatial === 1 ? 'conv1d' : 'conv2d';
  const full = normalized(forward, attrs);
  const dyShape = getOpDef(forward).infer([{ dtype: 'float32', shape: x }, { dtype: 'float32', shape: w }], full, forward)[0]!.shape as number[];
  return { full, dyShape };
}

describe('conv filter gradient: composed convolution = Conv2DBackpropFilter = reference', () => {
  it.each(convCases)('$name', async ({ spatial, x, w, attrs }) => {
    await tf.setBackend('cpu');
    const rng = new Rng(3);
    const op = spatial === 1 ? 'conv1dBackwardFilter' : 'conv2dBackwardFilter';
    const { dyShape } = convSetup(spatial, x, w, attrs);
    const full = normalized(op, { ...attrs, kernelSize: w.slice(2) });
    const xs = randomValues(rng, x.reduce((a, b) => a * b));
    const dys = randomValues(rng, dyShape.reduce((a, b) => a * b));
    const expected = reference(op, [cpuTensor(xs, x), cpuTensor(dys, dyShape)], full);
    tf.tidy(() => {
      const inputs = [tf.tensor(xs, x), tf.tensor(dys, dyShape)];
      expectClose(convFilterGradient(op, inputs, full, true)[0]!, expected);
      expectClose(convFilterGradient(op, inputs, full, false)[0]!, expected);
    });
  });
});

describe('conv input gradient: conv2dTranspose = the same as a plain convolution = reference', () => {
  it.each(convCases)('$name', async ({ spatial, x, w, attrs }) => {
    await tf.setBackend('cpu');
    const rng = new Rng(4);
    const op = spatial === 1 ? 'conv1dBackwardInput' : 'conv2dBackwardInput';
    const { dyShape } = convSetup(spatial, x, w, attrs);
    const full = normalized(op, { ...attrs, inputSize: x.slice(2) });
    const ws = randomValues(rng, w.reduce((a, b) => a * b));
    const dys = randomValues(rng, dyShape.reduce((a, b) => a * b));
    const expected = reference(op, [cpuTensor(dys, dyShape), cpuTensor(ws, w)], full);
    tf.tidy(() => {
      const inputs = [tf.tensor(dys, dyShape), tf.tensor(ws, w)];
      expectClose(convInputGradient(op, inputs, full, true)[0]!, expected);
      expectClose(convInputGradient(op, inputs, full, false)[0]!, expected);
    });
  });
});

describe('gather gradient: scatterND = UnsortedSegmentSum = reference', () => {
  it.each([
    { name: 'axis 0, repeated and negative indices', data: [5, 3], indices: [2, 3], values: [0, -1, 4, 0, 4, 0], axis: 0 },
    { name: 'axis 1 of a rank-3 table', data: [2, 4, 3], indices: [3], values: [3, -4, 3], axis: 1 },
  ])('$name', async ({ data, indices, values, axis }) => {
    await tf.setBackend('cpu');
    const attrs = normalized('gatherBackward', { axis, dataShape: data });
    const dyShape = [...data.slice(0, axis), ...indices, ...data.slice(axis + 1)];
    const dys = randomValues(new Rng(9), dyShape.reduce((a, b) => a * b));
    const idx = Int32Array.from(values);
    const expected = reference('gatherBackward', [cpuTensor(dys, dyShape), cpuTensor(idx, indices)], attrs);
    tf.tidy(() => {
      const inputs = [tf.tensor(dys, dyShape), tf.tensor(idx, indices, 'int32')];
      expectClose(gatherGradient(inputs, attrs, true)[0]!, expected);
      expectClose(gatherGradient(inputs, attrs, false)[0]!, expected);
    });
  });

  it('an out-of-range index is a CnnkitError naming the op, the index and the range, on either engine', async () => {
    for (const engine of ['cpu', 'wasm']) {
      const backend = await createBackend({ engine: engine as 'cpu' | 'wasm' });
      const dy = backend.fromHost({ data: new Float32Array(4), shape: [2, 2], dtype: 'float32' });
      const indices = backend.fromHost({ data: Int32Array.from([1, 3]), shape: [2], dtype: 'int32' });
      const kernel = backend.kernels.gatherBackward!;
      const call = (): Tensor[] => kernel([dy, indices], normalized('gatherBackward', { axis: 0, dataShape: [3, 2] }));
      expect(call).toThrow(CnnkitError);
      expect(call).toThrow(/gatherBackward: index 3 at flat position 1 .* expected an integer in \[-3, 2\]/);
      dy.dispose();
      indices.dispose();
    }
  });
});
