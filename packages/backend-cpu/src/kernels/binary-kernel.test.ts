import { type Kernel, type StaticShape, type Tensor, CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, values } from '../tensor';
import { addKernel } from './add';
import { divKernel } from './div';
import { broadcastSource, product, randomF32, seeded, unravel } from './kernel-test-data';
import { mulKernel } from './mul';
import { subKernel } from './sub';

type BinaryName = 'add' | 'sub' | 'mul' | 'div';
const KERNELS: { readonly [K in BinaryName]: Kernel<K> } = { add: addKernel, sub: subKernel, mul: mulKernel, div: divKernel };
const FLOAT_MATH: Record<BinaryName, (a: number, b: number) => number> = {
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, div: (a, b) => a / b,
};

function run(op: BinaryName, a: Tensor, b: Tensor): Tensor {
  return KERNELS[op]([a, b], {})[0]!;
}

function i32t(data: number[], shape: StaticShape): Tensor {
  return cpuTensor(Int32Array.from(data), shape);
}

describe('binary kernels: float32 broadcasting against a naive implementation', () => {
  for (const op of ['add', 'sub', 'mul', 'div'] as const) {
    it(`${op} over 200 random broadcast shape pairs`, () => {
      const rand = seeded(op.length * 101);
      for (let trial = 0; trial < 200; trial++) {
        const rank = Math.floor(rand() * 5);
        const full = Array.from({ length: rank }, () => 1 + Math.floor(rand() * 4));
        const pick = (): number[] => full.slice(Math.floor(rand() * (rank + 1))).map((d) => (rand() < 0.4 ? 1 : d));
        const [aShape, bShape] = [pick(), pick()];
        const r = Math.max(aShape.length, bShape.length);
        const outShape = Array.from({ length: r }, (_, i) => Math.max(aShape[aShape.length - r + i] ?? 1, bShape[bShape.length - r + i] ?? 1));
        const a = randomF32(rand, product(aShape), 3);
        const b = randomF32(rand, product(bShape), 3);
        const y = run(op, cpuTensor(a, aShape), cpuTensor(b, bShape));
        expect(y.shape).toEqual(outShape);
        const expected = new Float32Array(product(outShape));
        for (let o = 0; o < expected.length; o++) {
          const idx = unravel(o, outShape);
          expected[o] = FLOAT_MATH[op](a[broadcastSource(idx, aShape)]!, b[broadcastSource(idx, bShape)]!);
        }
        expect(values(y), `a [${aShape}] b [${bShape}]`).toEqual(expected);
      }
    });
  }

  it('divides by float zero as IEEE does (±Infinity, NaN)', () => {
    const y = run('div', cpuTensor(Float32Array.from([1, -1, 0]), [3]), cpuTensor(Float32Array.from([0]), [1]));
    expect(Array.from(values(y))).toEqual([Infinity, -Infinity, NaN]);
  });
});

describe('binary kernels: int32', () => {
  it('keeps int32 and wraps on overflow like two\'s complement', () => {
    const max = 2147483647;
    const min = -2147483648;
    const add = run('add', i32t([max, min], [2]), i32t([1, -1], [2]));
    expect(add.dtype).toBe('int32');
    expect(Array.from(values(add))).toEqual([min, max]);
    expect(Array.from(values(run('sub', i32t([min], [1]), i32t([1], [1]))))).toEqual([max]);
    // 65537 * 65537 = 2^32 + 2^17 + 1 -> low 32 bits 131073; 46341^2 = 2147488281 -> 2147488281 - 2^32.
    expect(Array.from(values(run('mul', i32t([65537, 46341], [2]), i32t([65537, 46341], [2]))))).toEqual([131073, 2147488281 - 4294967296]);
  });

  it('truncates division toward zero (7/2=3, -7/2=-3, 7/-2=-3, -7/-2=3, -1/3=0)', () => {
    const y = run('div', i32t([7, -7, 7, -7, -1], [5]), i32t([2, 2, -2, -2, 3], [5]));
    expect(Array.from(values(y))).toEqual([3, -3, -3, 3, 0]);
  });

  it('throws a CnnkitError naming div when an int32 divisor is zero', () => {
    expect(() => run('div', i32t([1, 2], [2]), i32t([1, 0], [2]))).toThrow(CnnkitError);
    expect(() => run('div', i32t([1, 2], [2]), i32t([1, 0], [2]))).toThrow(/div: int32 division by zero .*index 1/);
  });

  it('does not check divisors when the output is empty (nothing is divided)', () => {
    expect(run('div', i32t([], [0, 1]), i32t([0], [1])).shape).toEqual([0, 1]);
  });
});

describe('binary kernels: bad input', () => {
  it('rejects shapes that do not broadcast, naming the op and both shapes', () => {
    const a = cpuTensor(new Float32Array(6), [2, 3]);
    const b = cpuTensor(new Float32Array(4), [4]);
    expect(() => run('add', a, b)).toThrow(/add \(cpu kernel\): shapes \[2, 3\] and \[4\] do not broadcast/);
  });

  it('rejects mixed dtypes', () => {
    const a = cpuTensor(new Float32Array(2), [2]);
    expect(() => run('mul', a, i32t([1, 2], [2]))).toThrow(/mul \(cpu kernel\): inputs are float32 and int32/);
  });
});
