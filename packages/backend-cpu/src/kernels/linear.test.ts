import { describe, expect, it } from 'vitest';
import { cpuTensor, values } from '../tensor';
import { product, randomF32, seeded } from './kernel-test-data';
import { linearKernel } from './linear';

describe('linear', () => {
  it('computes x @ W^T + b by hand', () => {
    // x [1, 2] = [1, 2]; W [[1, 0], [0, 1], [1, 1]]; b [10, 20, 30] -> [1+10, 2+20, 3+30]
    const x = cpuTensor(Float32Array.from([1, 2]), [1, 2]);
    const w = cpuTensor(Float32Array.from([1, 0, 0, 1, 1, 1]), [3, 2]);
    const b = cpuTensor(Float32Array.from([10, 20, 30]), [3]);
    expect(Array.from(values(linearKernel([x, w, b], {})[0]!))).toEqual([11, 22, 33]);
    expect(Array.from(values(linearKernel([x, w], {})[0]!))).toEqual([1, 2, 3]);
  });

  it('matches a naive reference on random [..., in] inputs with and without bias', () => {
    const rand = seeded(5);
    for (const lead of [[], [1], [4], [2, 3], [2, 1, 3]]) {
      const [inF, outF] = [1 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 6)];
      const x = randomF32(rand, product(lead) * inF);
      const w = randomF32(rand, outF * inF);
      const b = randomF32(rand, outF);
      for (const withBias of [false, true]) {
        const inputs = [cpuTensor(x, [...lead, inF]), cpuTensor(w, [outF, inF]), ...(withBias ? [cpuTensor(b, [outF])] : [])];
        const y = linearKernel(inputs, {})[0]!;
        expect(y.shape).toEqual([...lead, outF]);
        const got = values(y);
        for (let r = 0; r < product(lead); r++) {
          for (let o = 0; o < outF; o++) {
            let s = withBias ? b[o]! : 0;
            for (let i = 0; i < inF; i++) s += x[r * inF + i]! * w[o * inF + i]!;
            expect(got[r * outF + o], `lead [${lead}] bias ${withBias}`).toBeCloseTo(s, 5);
          }
        }
      }
    }
  });

  it('gives just the bias when in_features is 0', () => {
    const y = linearKernel([cpuTensor(new Float32Array(0), [2, 0]), cpuTensor(new Float32Array(0), [2, 0]), cpuTensor(Float32Array.from([1, 2]), [2])], {})[0]!;
    expect(Array.from(values(y))).toEqual([1, 2, 1, 2]);
  });

  it('rejects a feature mismatch and a bad bias naming the op', () => {
    const x = cpuTensor(new Float32Array(6), [2, 3]);
    expect(() => linearKernel([x, cpuTensor(new Float32Array(8), [2, 4])], {})).toThrow(/linear \(cpu kernel\): x \[2, 3\] has 3 features but weight \[2, 4\] expects 4/);
    expect(() => linearKernel([x, cpuTensor(new Float32Array(6), [2, 3]), cpuTensor(new Float32Array(3), [3])], {})).toThrow(/linear \(cpu kernel\): bias has shape \[3\]; expected \[2\]/);
  });
});
