import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemmImplementation, setGemmImplementation } from '../gemm/gemm';
import { wasmGemm } from '../gemm/wasm/wasm-gemm';
import { type DirectConvShape, convolvesDirectly, directConvFilterGrad, directConvolution } from './direct-conv';
import { im2colBlock, planIm2col } from './im2col';
import { randomF32, randomInt, seeded } from './kernel-test-data';

/** The definition in float64, tap by tap over the unpadded input: y (no bias) and dW, with Σ|terms| per element for tolerances. */
function definition(s: DirectConvShape, x: Float32Array, w: Float32Array, dy: Float32Array) {
  const taps = s.inChannels * s.kH * s.kW;
  const y = new Float64Array(s.batch * s.outChannels * s.outH * s.outW);
  const dw = new Float64Array(s.outChannels * taps), dwMag = new Float64Array(dw.length);
  for (let n = 0; n < s.batch; n++) for (let o = 0; o < s.outChannels; o++) for (let oh = 0; oh < s.outH; oh++) for (let ow = 0; ow < s.outW; ow++) {
    const yi = ((n * s.outChannels + o) * s.outH + oh) * s.outW + ow;
    for (let c = 0; c < s.inChannels; c++) for (let i = 0; i < s.kH; i++) for (let j = 0; j < s.kW; j++) {
      const ih = oh + i - s.padTop, iw = ow + j - s.padLeft;
      if (ih < 0 || ih >= s.inH || iw < 0 || iw >= s.inW) continue;
      const xv = x[((n * s.inChannels + c) * s.inH + ih) * s.inW + iw]!;
      const t = (c * s.kH + i) * s.kW + j;
      y[yi]! += xv * w[o * taps + t]!;
      if (dy.length > 0) {
        dw[o * taps + t]! += xv * dy[yi]!;
        dwMag[o * taps + t]! += Math.abs(xv * dy[yi]!);
      }
    }
  }
  return { y, dw, dwMag };
}

/** A random shape the direct path takes (stride 1, any zero padding up to the kernel's size). */
function randomShape(rand: () => number, spatial: 1 | 2): DirectConvShape {
  const kH = spatial === 1 ? 1 : randomInt(rand, 1, 5), kW = randomInt(rand, 1, 5);
  const inChannels = randomInt(rand, 1, Math.max(1, Math.floor(32 / (kH * kW))));
  const inH = spatial === 1 ? 1 : randomInt(rand, 1, 9), inW = randomInt(rand, 1, 13);
  const padTop = spatial === 1 ? 0 : randomInt(rand, 0, kH - 1), padBottom = spatial === 1 ? 0 : randomInt(rand, 0, kH - 1);
  const padLeft = randomInt(rand, 0, kW - 1), padRight = randomInt(rand, 0, kW - 1);
  const outH = inH + padTop + padBottom - kH + 1, outW = inW + padLeft + padRight - kW + 1;
  if (outH < 1 || outW < 1) return randomShape(rand, spatial);
  return { batch: randomInt(rand, 1, 3), inChannels, inH, inW, outChannels: randomInt(rand, 1, 16), kH, kW, outH, outW, padTop, padLeft };
}

/** The im2col path for the same convolution: each image's whole col matrix times w, with the GEMM's bias + relu epilogue. */
function im2colConvolution(s: DirectConvShape, x: Float32Array, w: Float32Array, bias: Float32Array | undefined, relu: boolean): Float32Array {
  const plan = planIm2col({
    channels: s.inChannels, inSize: [s.inH, s.inW], kernel: [s.kH, s.kW], strides: [1, 1], dilations: [1, 1],
    padBegins: [s.padTop, s.padLeft], outSize: [s.outH, s.outW], circular: false,
  });
  const outPlane = s.outH * s.outW, inImage = s.inChannels * s.inH * s.inW;
  const y = new Float32Array(s.batch * s.outChannels * outPlane);
  const col = new Float32Array(plan.rows * outPlane);
  for (let n = 0; n < s.batch; n++) {
    im2colBlock(x, n * inImage, plan, 0, plan.rows, 0, outPlane, col, 0);
    wasmGemm(s.outChannels, outPlane, plan.rows, w, 0, plan.rows, false, col, 0, outPlane, false, y, n * s.outChannels * outPlane, outPlane, 0, { rowBias: bias, rowBiasAt: 0, relu });
  }
  return y;
}

const sameBits = (a: Float32Array, b: Float32Array): number => {
  const ai = new Int32Array(a.buffer, a.byteOffset, a.length), bi = new Int32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < a.length; i++) if (ai[i] !== bi[i]) return i;
  return -1;
};

describe('direct convolution (few input taps, no im2col)', () => {
  let before: ReturnType<typeof gemmImplementation>;
  beforeAll(() => { before = gemmImplementation(); setGemmImplementation('wasm-simd'); });
  afterAll(() => setGemmImplementation(before));

  it('gives the im2col + GEMM path\'s values bit for bit (same sums in the same order, same bias and relu), NaN and −0 included', () => {
    const rand = seeded(41);
    for (let trial = 0; trial < 120; trial++) {
      const s = { ...randomShape(rand, trial % 3 === 0 ? 1 : 2), outChannels: randomInt(rand, 4, 16) };
      const label = JSON.stringify(s);
      const taps = s.inChannels * s.kH * s.kW;
      const x = randomF32(rand, s.batch * s.inChannels * s.inH * s.inW), w = randomF32(rand, s.outChannels * taps);
      if (trial % 4 === 1) { x[0] = NaN; x[x.length - 1] = -0; w[1 % w.length] = -0; }
      const bias = trial % 2 === 0 ? randomF32(rand, s.outChannels) : undefined;
      const relu = trial % 3 !== 2;
      const got = new Float32Array(s.batch * s.outChannels * s.outH * s.outW);
      directConvolution(s, x, w, bias, relu, got);
      const at = sameBits(got, im2colConvolution(s, x, w, bias, relu));
      if (at >= 0) expect.fail(`${label}: y[${at}] = ${got[at]}, the im2col path gives ${im2colConvolution(s, x, w, bias, relu)[at]}`);
    }
  });

  it('forward and filter gradient match the tap-by-tap definition (1-D and 2-D, 1 to 16 output channels, rows of any width)', () => {
    const rand = seeded(42);
    for (let trial = 0; trial < 200; trial++) {
      const s = randomShape(rand, trial % 3 === 0 ? 1 : 2);
      const label = JSON.stringify(s);
      const taps = s.inChannels * s.kH * s.kW;
      const x = randomF32(rand, s.batch * s.inChannels * s.inH * s.inW), w = randomF32(rand, s.outChannels * taps);
      const dy = randomF32(rand, s.batch * s.outChannels * s.outH * s.outW);
      const ref = definition(s, x, w, dy);
      const y = new Float32Array(dy.length);
      directConvolution(s, x, w, undefined, false, y);
      for (let i = 0; i < y.length; i++) if (Math.abs(y[i]! - ref.y[i]!) > 1e-5 * (taps + 1)) expect.fail(`${label}: y[${i}] = ${y[i]}, expected ${ref.y[i]}`);
      const dw = new Float32Array(w.length).fill(NaN);
      directConvFilterGrad(s, x, dy, dw);
      for (let i = 0; i < dw.length; i++) if (!(Math.abs(dw[i]! - ref.dw[i]!) <= 1e-5 * ref.dwMag[i]! + 1e-6)) expect.fail(`${label}: dw[${i}] = ${dw[i]}, expected ${ref.dw[i]}`);
    }
  });

  it('filter gradient: input values only the padded lanes of a row\'s last vector would read add nothing (no 0 · ∞ = NaN)', () => {
    // outW = 5: the second vector of each row covers columns 5–7, of which only column 5 exists.
    const s: DirectConvShape = { batch: 2, inChannels: 1, inH: 3, inW: 7, outChannels: 3, kH: 1, kW: 3, outH: 3, outW: 5, padTop: 0, padLeft: 0 };
    const rand = seeded(43);
    const x = randomF32(rand, 2 * 3 * 7), dy = randomF32(rand, 2 * 3 * 3 * 5), w = new Float32Array(9);
    // Column 6 is read by output column 4 through tap j = 2 (finite) and by the padded lane 6 through tap 0.
    for (let n = 0; n < 2; n++) for (let ih = 0; ih < 3; ih++) x[(n * 3 + ih) * 7 + 6] = Infinity;
    const dw = new Float32Array(9);
    directConvFilterGrad(s, x, dy, dw);
    const ref = definition(s, x, w, dy);
    // Taps 0 and 1 never reach column 6 in the definition: finite there, and equal.
    for (const o of [0, 1, 2]) for (const t of [0, 1]) expect(Math.abs(dw[o * 3 + t]! - ref.dw[o * 3 + t]!)).toBeLessThan(1e-5 * ref.dwMag[o * 3 + t]! + 1e-6);
    for (const o of [0, 1, 2]) expect(dw[o * 3 + 2]).toBe(ref.dw[o * 3 + 2]);
  });

  it('works through a batch larger than one staging chunk', () => {
    // 16 × 64 × 64 outputs per image: 61 images do not fit the 4M-float staging area at once.
    const s: DirectConvShape = { batch: 61, inChannels: 1, inH: 64, inW: 64, outChannels: 16, kH: 3, kW: 3, outH: 64, outW: 64, padTop: 1, padLeft: 1 };
    const rand = seeded(44);
    const x = randomF32(rand, 61 * 64 * 64), w = randomF32(rand, 16 * 9), dy = randomF32(rand, 61 * 16 * 64 * 64);
    const ref = definition(s, x, w, dy);
    const y = new Float32Array(dy.length);
    directConvolution(s, x, w, undefined, false, y);
    let worst = 0;
    for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i]! - ref.y[i]!));
    expect(worst).toBeLessThan(1e-5);
    const dw = new Float32Array(16 * 9);
    directConvFilterGrad(s, x, dy, dw);
    for (let i = 0; i < dw.length; i++) expect(Math.abs(dw[i]! - ref.dw[i]!)).toBeLessThan(1e-5 * ref.dwMag[i]!);
  });

  it('is chosen only for one group, stride 1, dilation 1, zero padding, ≤ 32 taps, ≤ 16 output channels and the wasm GEMM', () => {
    const lenet: DirectConvShape = { batch: 64, inChannels: 1, inH: 28, inW: 28, outChannels: 6, kH: 5, kW: 5, outH: 28, outW: 28, padTop: 2, padLeft: 2 };
    const attrs = { groups: 1, strides: [1, 1], dilations: [1, 1], paddingMode: 'zeros' };
    expect(convolvesDirectly(lenet, attrs)).toBe(true);
    expect(convolvesDirectly(lenet, { ...attrs, strides: [2, 1] })).toBe(false);
    expect(convolvesDirectly(lenet, { ...attrs, dilations: [1, 2] })).toBe(false);
    expect(convolvesDirectly(lenet, { ...attrs, groups: 2 })).toBe(false);
    expect(convolvesDirectly(lenet, { ...attrs, paddingMode: 'circular' })).toBe(false);
    expect(convolvesDirectly({ ...lenet, inChannels: 2 }, attrs)).toBe(false); // 50 taps
    expect(convolvesDirectly({ ...lenet, outChannels: 17 }, attrs)).toBe(false);
    setGemmImplementation('reference');
    try {
      expect(convolvesDirectly(lenet, attrs)).toBe(false);
    } finally {
      setGemmImplementation('wasm-simd');
    }
  });
});
