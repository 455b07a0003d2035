import { wasmGemmKernel, wasmHeap, wasmSimdSupported } from './wasm-kernel';

/** The 2×2 / stride-2 max pool and its gradient through the module's f32x4 code (pool-kernels.ts), over whole planes. */

/** Whether a pool of this output width can go through the wasm path (four windows at a time, so four or more). */
export function wasmMaxPool2x2Fits(outW: number): boolean {
  return outW >= 4 && wasmSimdSupported();
}

export interface TwoByTwoPlanes {
  readonly planes: number;
  readonly inH: number;
  readonly inW: number;
  readonly outH: number;
  readonly outW: number;
}

/** y = the 2×2 max pool of every plane of x. */
export function wasmMaxPool2x2(x: Float32Array, y: Float32Array, g: TwoByTwoPlanes): void {
  const kernel = wasmGemmKernel();
  const inPlane = g.inH * g.inW, outPlane = g.outH * g.outW;
  const yAt = roundUp4(x.length);
  const heap = wasmHeap(kernel, (yAt + y.length) * 4);
  heap.set(x, 0);
  for (let p = 0; p < g.planes; p++) kernel.maxPool2x2(p * inPlane * 4, (yAt + p * outPlane) * 4, g.outH, g.inW * 4, g.outW);
  y.set(heap.subarray(yAt, yAt + y.length));
}

/** dx (zeros on entry) gets every dy at the element its window picked. */
export function wasmMaxPool2x2Backward(x: Float32Array, dy: Float32Array, dx: Float32Array, g: TwoByTwoPlanes): void {
  const kernel = wasmGemmKernel();
  const inPlane = g.inH * g.inW, outPlane = g.outH * g.outW;
  const dyAt = roundUp4(x.length), dxAt = dyAt + roundUp4(dy.length);
  const heap = wasmHeap(kernel, (dxAt + dx.length) * 4);
  heap.set(x, 0);
  heap.set(dy, dyAt);
  // Rows and columns outside every window (odd sizes) are never written: they stay zero.
  if (g.inH % 2 !== 0 || g.inW % 2 !== 0) heap.fill(0, dxAt, dxAt + dx.length);
  for (let p = 0; p < g.planes; p++) {
    kernel.maxPool2x2Backward(p * inPlane * 4, (dyAt + p * outPlane) * 4, g.outH, g.inW * 4, g.outW, (dxAt + p * inPlane) * 4);
  }
  dx.set(heap.subarray(dxAt, dxAt + dx.length));
}

function roundUp4(n: number): number {
  return Math.ceil(n / 4) * 4;
}
