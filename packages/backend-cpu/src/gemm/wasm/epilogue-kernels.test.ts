import { describe, expect, it } from 'vitest';
import { wasmGemmKernel, wasmHeap } from './wasm-kernel';

/** The relu kernel's rule, the truth here: v < 0 ? 0 : v (NaN and −0 stay). */
const relu = (v: number): number => (v < 0 ? 0 : v);

describe('wasm epilogues (bias, relu, both) over a C block', () => {
  // Two rows of 8 floats (two f32x4 each) with a row stride of 12 floats; the last 4 of each row
  // lie outside the block and must not change.
  const row = [-2, -0, 0, 1.5, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, -1e-30];
  const ld = 12;
  const bias = [0.5, -3];

  function run(which: 'biasRelu' | 'bias' | 'relu'): Float32Array {
    const kernel = wasmGemmKernel();
    const heap = wasmHeap(kernel, 4096);
    const cAt = 64, biasAt = 256;
    for (let r = 0; r < 2; r++) {
      heap.set(row, cAt + r * ld);
      heap.set([7, 7, 7, 7], cAt + r * ld + 8);
    }
    heap.set(bias, biasAt);
    kernel[which](cAt * 4, 2, 2, ld * 4, biasAt * 4);
    return heap.slice(cAt, cAt + 2 * ld);
  }

  it.each(['biasRelu', 'bias', 'relu'] as const)('%s gives the JavaScript rule bit for bit, and nothing past the block changes', (which) => {
    const out = run(which);
    for (let r = 0; r < 2; r++) {
      const want = row.map((v) => {
        const withBias = which === 'relu' ? Math.fround(v) : Math.fround(Math.fround(v) + bias[r]!);
        return which === 'bias' ? withBias : relu(withBias);
      });
      expect(Object.is(out[r * ld + 1], want[1])).toBe(true); // −0 stays −0 where no bias is added
      expect([...out.subarray(r * ld, r * ld + 8)]).toEqual(want);
      expect([...out.subarray(r * ld + 8, r * ld + 12)]).toEqual([7, 7, 7, 7]);
    }
  });

  it('relu alone keeps −0 and NaN, zeroes −Inf and negatives', () => {
    const out = run('relu');
    expect(Object.is(out[1], -0)).toBe(true);
    expect(Number.isNaN(out[4])).toBe(true);
    expect([out[0], out[5], out[6], out[7]]).toEqual([0, 0, Number.POSITIVE_INFINITY, 0]);
  });
});

describe('wasmRelu / wasmAddRelu (elementwise through the module)', () => {
  it('give the JavaScript rule bit for bit over 10,003 values with NaN, ±0, ±Inf (a length not a multiple of 4)', async () => {
    const { wasmAddRelu, wasmRelu } = await import('./elementwise');
    const specials = [Number.NaN, -0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e-40];
    let seed = 1;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 8 - 4;
    const n = 10_003;
    const a = Float32Array.from({ length: n }, (_, i) => (i % 97 < specials.length ? specials[i % 97]! : next()));
    const b = Float32Array.from({ length: n }, (_, i) => (i % 89 < specials.length ? specials[i % 89]! : next()));
    const y = new Float32Array(n);
    wasmRelu(a, y);
    const sum = Float32Array.from(a);
    wasmAddRelu(sum, b);
    for (let i = 0; i < n; i++) {
      if (!Object.is(y[i], relu(a[i]!))) expect.fail(`relu(${a[i]}) gave ${y[i]}, expected ${relu(a[i]!)}`);
      const want = relu(Math.fround(a[i]! + b[i]!));
      if (!Object.is(sum[i], want)) expect.fail(`relu(${a[i]} + ${b[i]}) gave ${sum[i]}, expected ${want}`);
    }
  });
});

describe('wasmBinary / wasmSign (elementwise through the module)', () => {
  it('give JavaScript\'s float32 results bit for bit: add, sub, mul, div and Math.sign, with NaN, ±0, ±Inf, subnormals', async () => {
    const { wasmBinary, wasmSign } = await import('./elementwise');
    const specials = [Number.NaN, -0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e-40, 1e-40, 3e38];
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 8 - 4;
    const n = 9_999;
    const a = Float32Array.from({ length: n }, (_, i) => (i % 53 < specials.length ? specials[i % 53]! : next()));
    const b = Float32Array.from({ length: n }, (_, i) => (i % 47 < specials.length ? specials[(i * 3) % specials.length]! : next()));
    const ops = { add: (x: number, y: number) => x + y, sub: (x: number, y: number) => x - y, mul: (x: number, y: number) => x * y, div: (x: number, y: number) => x / y };
    for (const [op, f] of Object.entries(ops) as ['add' | 'sub' | 'mul' | 'div', (x: number, y: number) => number][]) {
      const out = new Float32Array(n);
      wasmBinary(op, a, b, out);
      for (let i = 0; i < n; i++) {
        const want = Math.fround(f(a[i]!, b[i]!));
        if (!Object.is(out[i], want) && !(Number.isNaN(out[i]) && Number.isNaN(want))) expect.fail(`${op}(${a[i]}, ${b[i]}) gave ${out[i]}, expected ${want}`);
      }
      // A single value on either side stands for every element (a scalar operand).
      for (const scalar of [Math.fround(0.7), -0, Number.NaN, Number.POSITIVE_INFINITY]) {
        const one = Float32Array.of(scalar);
        for (const [x, y, label] of [[a, one, 'right'], [one, b, 'left']] as const) {
          wasmBinary(op, x, y, out);
          for (let i = 0; i < n; i++) {
            const want = Math.fround(f(x.length === 1 ? scalar : x[i]!, y.length === 1 ? scalar : y[i]!));
            if (!Object.is(out[i], want) && !(Number.isNaN(out[i]) && Number.isNaN(want))) expect.fail(`${op} with ${scalar} on the ${label} at ${i} gave ${out[i]}, expected ${want}`);
          }
        }
      }
    }
    const s = new Float32Array(n);
    wasmSign(a, s);
    for (let i = 0; i < n; i++) if (!Object.is(s[i], Math.sign(a[i]!))) expect.fail(`sign(${a[i]}) gave ${s[i]}, expected ${Math.sign(a[i]!)}`);
  });
});
