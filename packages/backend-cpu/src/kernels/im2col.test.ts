import { describe, expect, it } from 'vitest';
import { axisTaps, im2col, im2colBlock, planIm2col } from './im2col';
import { wasmGemmKernel, wasmHeap } from '../gemm/wasm/wasm-kernel';
import { seeded } from './kernel-test-data';

function unroll(x: number[], xOffset: number, spec: Parameters<typeof planIm2col>[0]): number[][] {
  const plan = planIm2col(spec);
  const col = new Float32Array(plan.rows * plan.cols).fill(NaN);
  im2col(Float32Array.from(x), xOffset, plan, col);
  return Array.from({ length: plan.rows }, (_, r) => [...col.subarray(r * plan.cols, (r + 1) * plan.cols)]);
}

const plain2d = { channels: 1, strides: [1, 1], dilations: [1, 1], padBegins: [0, 0], circular: false };

describe('im2col', () => {
  it('unrolls a 3×3 image for a 2×2 kernel: one row per kernel tap, one column per output', () => {
    // x = [1 2 3; 4 5 6; 7 8 9]; outputs at (0,0) (0,1) (1,0) (1,1) read tap (i,j) at x[oh+i][ow+j].
    expect(unroll([1, 2, 3, 4, 5, 6, 7, 8, 9], 0, { ...plain2d, inSize: [3, 3], kernel: [2, 2], outSize: [2, 2] })).toEqual([
      [1, 2, 4, 5], // tap (0,0)
      [2, 3, 5, 6], // tap (0,1)
      [4, 5, 7, 8], // tap (1,0)
      [5, 6, 8, 9], // tap (1,1)
    ]);
  });

  it('reads zeros in the padding, honours stride and starts at the offset', () => {
    // Two leading junk values are skipped by xOffset 2. x = [1 2; 3 4], pads top/left 1, stride 2,
    // 2×2 kernel, output 1×1 (bottom/right pads 0): the window covers padded rows -1..0, cols -1..0.
    expect(unroll([-7, -7, 1, 2, 3, 4], 2, { ...plain2d, inSize: [2, 2], kernel: [2, 2], strides: [2, 2], padBegins: [1, 1], outSize: [1, 1] })).toEqual([
      [0], [0], [0], [1],
    ]);
  });

  it('wraps padding reads circularly in 1-D and keeps channels in order', () => {
    // Channel 0 = [1 2 3], channel 1 = [10 20 30]; pad 1 circular gives [3 1 2 3 1] / [30 10 20 30 10];
    // kernel 3 with outputs 0..2: tap t reads padded[o + t].
    expect(unroll([1, 2, 3, 10, 20, 30], 0, { channels: 2, inSize: [3], kernel: [3], strides: [1], dilations: [1], padBegins: [1], outSize: [3], circular: true })).toEqual([
      [3, 1, 2], [1, 2, 3], [2, 3, 1],
      [30, 10, 20], [10, 20, 30], [20, 30, 10],
    ]);
  });

  it('spaces taps by the dilation', () => {
    // x = [1 2 3 4 5], kernel 2 dilated by 3 reads x[o] and x[o + 3]; outputs 0..1.
    expect(unroll([1, 2, 3, 4, 5], 0, { channels: 1, inSize: [5], kernel: [2], strides: [1], dilations: [3], padBegins: [0], outSize: [2], circular: false })).toEqual([
      [1, 2], [4, 5],
    ]);
  });

  it('marks padding taps -1 for zeros and wraps them for circular', () => {
    // in 4, kernel 3, stride 2, pad 2: tap t reads 2·o − 2 + t for o = 0..2.
    expect([...axisTaps(4, 3, 2, 1, 2, 3, false)]).toEqual([-1, 0, 2, -1, 1, 3, 0, 2, -1]);
    expect([...axisTaps(4, 3, 2, 1, 2, 3, true)]).toEqual([2, 0, 2, 3, 1, 3, 0, 2, 0]);
  });

  it('im2colBlock writes exactly the block of the whole unrolled matrix, for any rows and columns', () => {
    // The whole matrix (checked by hand above) is the truth; blocks cut across channels, kernel
    // taps and output rows at random, over zero padding, strides, dilation, circular and 1-D.
    const random = seeded(5);
    const specs: Parameters<typeof planIm2col>[0][] = [
      { channels: 3, inSize: [7, 6], kernel: [3, 3], strides: [1, 1], dilations: [1, 1], padBegins: [1, 1], outSize: [7, 6], circular: false },
      { channels: 2, inSize: [9, 8], kernel: [3, 2], strides: [2, 3], dilations: [1, 2], padBegins: [1, 0], outSize: [5, 2], circular: false },
      { channels: 2, inSize: [5, 5], kernel: [3, 3], strides: [1, 1], dilations: [2, 1], padBegins: [2, 1], outSize: [5, 5], circular: true },
      { channels: 4, inSize: [11], kernel: [4], strides: [2], dilations: [1], padBegins: [3], outSize: [7], circular: false },
      { channels: 1, inSize: [3, 3], kernel: [5, 5], strides: [1, 1], dilations: [1, 1], padBegins: [2, 2], outSize: [3, 3], circular: false },
    ];
    for (const spec of specs) {
      const plan = planIm2col(spec);
      const size = spec.channels * spec.inSize.reduce((a, b) => a * b, 1);
      const x = Float32Array.from({ length: size + 3 }, () => random() * 2 - 1);
      const whole = new Float32Array(plan.rows * plan.cols);
      im2col(x, 3, plan, whole);
      for (let trial = 0; trial < 25; trial++) {
        const p0 = Math.floor(random() * plan.rows), rows = 1 + Math.floor(random() * (plan.rows - p0));
        const j0 = Math.floor(random() * plan.cols), cols = 1 + Math.floor(random() * (plan.cols - j0));
        const block = new Float32Array(2 + rows * cols + 2).fill(Number.NaN);
        im2colBlock(x, 3, plan, p0, rows, j0, cols, block, 2);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            const got = block[2 + r * cols + c], want = whole[(p0 + r) * plan.cols + j0 + c];
            if (got !== want) expect.fail(`${JSON.stringify(spec)} block rows ${p0}+${rows} cols ${j0}+${cols}: (${r}, ${c}) is ${got}, whole matrix has ${want}`);
          }
        }
        expect([block[0], block[1], block[block.length - 2], block[block.length - 1]]).toEqual([NaN, NaN, NaN, NaN]);
        // Reading from and writing to one array (the GEMM's module memory holding a copy of x).
        const shared = new Float32Array(x.length + rows * cols + 4).fill(Number.NaN);
        shared.set(x, 0);
        im2colBlock(shared, 3, plan, p0, rows, j0, cols, shared, x.length + 2);
        expect(shared.subarray(x.length + 2, x.length + 2 + rows * cols)).toEqual(block.subarray(2, 2 + rows * cols));
        expect(shared.subarray(0, x.length)).toEqual(x);
        // In the wasm module's memory, each row by its im2colRow (circular stays in JavaScript).
        const kernel = wasmGemmKernel();
        const end = x.length + 3 + rows * cols + 1;
        const heap = wasmHeap(kernel, (end + 1) * 4).fill(Number.NaN, 0, end + 1);
        heap.set(x, 1);
        im2colBlock(heap, 4, plan, p0, rows, j0, cols, heap, x.length + 3, kernel);
        expect(heap.subarray(x.length + 3, end - 1)).toEqual(block.subarray(2, 2 + rows * cols));
        expect([heap[0], heap[x.length + 1], heap[x.length + 2], heap[end - 1]]).toEqual([NaN, NaN, NaN, NaN]);
      }
    }
  });

  it('the wasm im2colRow moves values as bits: NaN payloads, −0, infinities and subnormals arrive unchanged', () => {
    const spec = { channels: 2, inSize: [6, 9], kernel: [3, 3], strides: [1, 1], dilations: [1, 1], padBegins: [1, 1], outSize: [6, 9], circular: false };
    const plan = planIm2col(spec);
    const bits = new Uint32Array(2 * 54);
    const random = seeded(8);
    const specials = [0x7fc00001, 0xffc12345, 0x80000000, 0x7f800000, 0xff800000, 0x00000001, 0x807fffff];
    for (let i = 0; i < bits.length; i++) bits[i] = i % 3 === 0 ? specials[i % specials.length]! : new Uint32Array(new Float32Array([random() - 0.5]).buffer)[0]!;
    const x = new Float32Array(bits.buffer);
    const whole = new Float32Array(plan.rows * plan.cols);
    im2col(x, 0, plan, whole);
    const kernel = wasmGemmKernel();
    const heap = wasmHeap(kernel, (x.length + whole.length) * 4);
    heap.set(x, 0);
    im2colBlock(heap, 0, plan, 0, plan.rows, 0, plan.cols, heap, x.length, kernel);
    const got = new Uint32Array(heap.buffer, x.length * 4, whole.length);
    const want = new Uint32Array(whole.buffer);
    for (let i = 0; i < want.length; i++) {
      // Zeros written for padding are +0; every value read from x keeps its bits.
      if (got[i] !== want[i]) expect.fail(`element ${i}: 0x${got[i]!.toString(16)}, im2col wrote 0x${want[i]!.toString(16)}`);
    }
  });
});
