import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { batchNormBackwardKernel } from './batch-norm-backward';
import { batchNormTrainingKernel } from './batch-norm-training';
import { product, randomF32, seeded } from './kernel-test-data';

/**
 * Training batch norm written out in float64, element by element: channel c's elements are those
 * whose index along axis 1 is c. Returns y and the batch mean and biased variance.
 */
function reference(x: ArrayLike<number>, shape: number[], scale: ArrayLike<number>, bias: ArrayLike<number>, eps: number) {
  const channels = shape[1]!, inner = product(shape.slice(2));
  const channelOf = (i: number): number => Math.floor(i / inner) % channels;
  const mean = new Float64Array(channels), variance = new Float64Array(channels), count = new Float64Array(channels);
  for (let i = 0; i < x.length; i++) { mean[channelOf(i)]! += x[i]!; count[channelOf(i)]!++; }
  for (let c = 0; c < channels; c++) mean[c]! /= count[c]!;
  for (let i = 0; i < x.length; i++) variance[channelOf(i)]! += (x[i]! - mean[channelOf(i)]!) ** 2;
  for (let c = 0; c < channels; c++) variance[c]! /= count[c]!;
  const y = Float64Array.from(x, (v, i) => ((v - mean[channelOf(i)]!) / Math.sqrt(variance[channelOf(i)]! + eps)) * scale[channelOf(i)]! + bias[channelOf(i)]!);
  return { y, mean, variance };
}

function expectClose(got: Float32Array, want: ArrayLike<number>, tol: number, where: string): void {
  expect(got.length, where).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]!), `${where}[${i}]: ${v} vs ${want[i]}`).toBeLessThanOrEqual(tol * (1 + Math.abs(want[i]!))));
}

const SHAPES = [[4, 3], [2, 3, 5], [3, 2, 4, 5], [2, 2, 2, 3, 2], [1, 4, 7]];

describe('batchNormTraining kernel', () => {
  it('matches the float64 definition (y, batch mean, biased variance) for ranks 2 to 5', () => {
    const rand = seeded(5);
    for (const shape of SHAPES) {
      const x = randomF32(rand, product(shape), 3);
      // An offset far larger than the spread: a one-pass E[x²] - E[x]² would lose the variance.
      for (let i = 0; i < x.length; i++) x[i] = Math.fround(x[i]! + 1000);
      const scale = randomF32(rand, shape[1]!), bias = randomF32(rand, shape[1]!);
      const [y, mean, variance] = batchNormTrainingKernel([cpuTensor(x, shape), cpuTensor(scale, [shape[1]!]), cpuTensor(bias, [shape[1]!])], { epsilon: 1e-5 });
      const want = reference(x, shape, scale, bias, 1e-5);
      expect(y!.shape).toEqual(shape);
      expect(mean!.shape).toEqual([shape[1]]);
      expect(variance!.shape).toEqual([shape[1]]);
      expectClose(f32(mean!), want.mean, 1e-6, `mean ${shape}`);
      expectClose(f32(variance!), want.variance, 1e-5, `var ${shape}`);
      expectClose(f32(y!), want.y, 1e-4, `y ${shape}`);
    }
  });

  it('works out a 2-channel batch by hand', () => {
    // x = [[1, 5], [3, 5]] (N = 2, C = 2), scale [2, 1], bias [1, 7], eps 1.
    // Channel 0: [1, 3] -> mean 2, biased var ((1-2)² + (3-2)²) / 2 = 1; y = (∓1 / sqrt(1 + 1))·2 + 1 = 1 ∓ sqrt(2).
    // Channel 1: [5, 5] -> mean 5, var 0; y = 0 / sqrt(0 + 1)·1 + 7 = 7.
    const x = cpuTensor(Float32Array.of(1, 5, 3, 5), [2, 2]);
    const [y, mean, variance] = batchNormTrainingKernel([x, cpuTensor(Float32Array.of(2, 1), [2]), cpuTensor(Float32Array.of(1, 7), [2])], { epsilon: 1 });
    expect([...f32(mean!)]).toEqual([2, 5]);
    expect([...f32(variance!)]).toEqual([1, 0]);
    expectClose(f32(y!), [1 - Math.SQRT2, 7, 1 + Math.SQRT2, 7], 1e-6, 'y');
  });

  it('rejects a scale that does not match the channels, naming the op', () => {
    let error: unknown;
    try {
      batchNormTrainingKernel([cpuTensor(new Float32Array(6), [2, 3]), cpuTensor(new Float32Array(2), [2]), cpuTensor(new Float32Array(3), [3])], { epsilon: 1e-5 });
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(CnnkitError);
    expect((error as Error).message).toMatch(/batchNormTraining.*'scale' has shape \[2\]; expected \[3\]/);
  });
});

describe('batchNormBackward kernel', () => {
  it('matches central finite differences of the float64 definition of Σ dy·y', () => {
    const rand = seeded(17);
    for (const shape of SHAPES) {
      const channels = shape[1]!, eps = 1e-3;
      const x = Float64Array.from(randomF32(rand, product(shape), 2));
      const scale = Float64Array.from(randomF32(rand, channels)), bias = Float64Array.from(randomF32(rand, channels));
      const dy = Float64Array.from(randomF32(rand, x.length));
      const loss = (xv: Float64Array, sv: Float64Array, bv: Float64Array): number => reference(xv, shape, sv, bv, eps).y.reduce((acc, v, i) => acc + v * dy[i]!, 0);
      const numeric = (param: Float64Array): Float64Array => Float64Array.from(param, (_, i) => {
        const h = 1e-6, keep = param[i]!;
        param[i] = keep + h;
        const up = loss(x, scale, bias);
        param[i] = keep - h;
        const down = loss(x, scale, bias);
        param[i] = keep;
        return (up - down) / (2 * h);
      });
      const stats = reference(x, shape, scale, bias, eps);
      const f = (a: Float64Array): Float32Array => Float32Array.from(a);
      const [dx, dscale, dbias] = batchNormBackwardKernel(
        [cpuTensor(f(dy), shape), cpuTensor(f(x), shape), cpuTensor(f(scale), [channels]), cpuTensor(f(stats.mean), [channels]), cpuTensor(f(stats.variance), [channels])],
        { epsilon: eps },
      );
      expect(dx!.shape).toEqual(shape);
      expectClose(f32(dx!), numeric(x), 1e-3, `dx ${shape}`);
      expectClose(f32(dscale!), numeric(scale), 1e-3, `dscale ${shape}`);
      expectClose(f32(dbias!), numeric(bias), 1e-3, `dbias ${shape}`);
    }
  });

  it('rejects a dy whose shape is not x\'s, naming the op', () => {
    const v = (n: number) => cpuTensor(new Float32Array(n), [n]);
    expect(() => batchNormBackwardKernel([cpuTensor(new Float32Array(8), [2, 4]), cpuTensor(new Float32Array(6), [2, 3]), v(3), v(3), v(3)], { epsilon: 1e-5 }))
      .toThrow(/batchNormBackward.*dy has shape \[2, 4\]; expected \[2, 3\]/);
  });
});
