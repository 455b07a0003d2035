// A tiny eager backend for testing the suite's machinery without depending on any real backend
// (which would be a workspace cycle): relu and sigmoid over host-kind arrays, configurable claims.
import {
  type Backend, type BackendCapabilities, type BackendInfo, type Kernel, type KernelTable, type OpType,
  Tensor, compileWithKernels, hostStorage,
} from '@cnnkit/core';
import { type ConformanceCase, type GradientCase, type ModelTrainingCase, finiteDifferenceCase, opCase, t } from '../src';

export const FAKE = 'fake';

function unary(f: (x: number) => number): Kernel<'relu'> & Kernel<'sigmoid'> {
  return ([x]) => {
    const src = x!.dataSync();
    const out = new Float32Array(src.length);
    for (let i = 0; i < src.length; i++) out[i] = f(src[i]!);
    return [new Tensor(x!.shape, 'float32', hostStorage(out, FAKE))];
  };
}

export const FAKE_KERNELS: KernelTable = {
  relu: unary((x) => Math.max(x, 0)),
  sigmoid: unary((x) => 1 / (1 + Math.exp(-x))),
};

export interface FakeOptions {
  readonly kernels?: KernelTable;
  readonly capabilities?: Partial<BackendCapabilities>;
  readonly info?: Partial<BackendInfo>;
  readonly onDispose?: () => void;
}

export function fakeBackend(options: FakeOptions = {}): Backend {
  const kernels = { ...FAKE_KERNELS, ...options.kernels };
  return {
    name: FAKE,
    capabilities: {
      training: false,
      eager: true,
      devices: ['cpu'],
      dtypes: ['float32'],
      ops: Object.keys(kernels) as OpType[],
      ...options.capabilities,
    },
    kernels,
    info: async () => ({ name: FAKE, device: 'cpu', description: 'test double', versions: { fake: '1.0.0' }, ...options.info }),
    compile: async (graph) =>
      compileWithKernels(graph, { backend: FAKE, kernels, upload: (v) => new Tensor(v.shape, v.dtype, hostStorage(v.data.slice(), FAKE)) }),
    dispose: () => options.onDispose?.(),
  };
}

/** Hand-worked: relu zeroes the negatives, keeps the rest. */
export const reluCase: ConformanceCase = opCase({
  id: 'relu/hand/basic',
  op: 'relu',
  description: 'relu of mixed signs',
  inputs: [t([-2, -0.5, 0, 0.5, 3, -1], [2, 3])],
  expected: t([0, 0, 0, 0.5, 3, 0], [2, 3]),
});

/** sigmoid(0) = 0.5; sigmoid(ln 3) = 3/4; sigmoid(-ln 3) = 1/4. */
export const sigmoidCase: ConformanceCase = opCase({
  id: 'sigmoid/hand/basic',
  op: 'sigmoid',
  description: 'sigmoid at 0 and ±ln 3',
  inputs: [t([0, Math.log(3), -Math.log(3)], [3])],
  expected: t([0.5, 0.75, 0.25], [3]),
});

/** argMax has an int32 output: a float32-only backend must skip it. */
export const argMaxCase: ConformanceCase = opCase({
  id: 'argMax/hand/rows',
  op: 'argMax',
  description: 'argMax along the last axis',
  attrs: { axis: 1 },
  inputs: [t([1, 5, 2, 7, 0, 3], [2, 3])],
  expected: t([1, 0], [2], 'int32'),
});

export const trainingCase: ConformanceCase = { ...reluCase, id: 'relu/training/grad', level: 'training' };

/** relu's gradient against finite differences: needs relu and the loss's kernels (mul, reduceSum, add). */
export const reluGradientCase: GradientCase = finiteDifferenceCase({
  name: 'basic',
  op: 'relu',
  description: 'relu gradient away from the kink',
  inputs: [t([-2, -0.5, 0.5, 3], [4])],
});

/** conv2d's gradient also needs its two backward kernels. */
export const conv2dGradientCase: GradientCase = finiteDifferenceCase({
  name: 'tiny',
  op: 'conv2d',
  description: '1x1 image, 1x1 kernel',
  inputs: [t([2], [1, 1, 1, 1]), t([3], [1, 1, 1, 1])],
});

/** A training run that reports the given losses, without touching any kernel. */
export function fakeTrainingRun(losses: readonly number[], id = 'training:fake/steps', ops: ModelTrainingCase['ops'] = ['relu']): ModelTrainingCase {
  return {
    kind: 'model-training',
    id,
    subject: 'training:fake',
    level: 'training',
    description: `reports losses ${losses.join(', ')}`,
    ops,
    train: async () => losses,
    maxFinalRatio: 0.7,
  };
}

export const FAKE_CASES: readonly ConformanceCase[] = [reluCase, sigmoidCase, argMaxCase, trainingCase];
