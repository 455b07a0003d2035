import type { WasmBinaryOp } from './epilogue-kernels';
import { wasmGemmKernel, wasmHeap, wasmSimdSupported } from './wasm-kernel';

/**
 * relu, add + relu, sign and the four arithmetic ops through the module's branch-free f32x4 code (epilogue-kernels.ts): in
 * JavaScript, `v < 0 ? 0 : v` and Math.max both cost several times a plain add on real data
 * (mispredicted branches), more than copying the operands into the module's memory and back.
 * Same rule as the relu kernel: v < 0 ? 0 : v, NaN and −0 kept.
 */

/** Below this many values the copies in and out cost more than the JavaScript loop. */
export const WASM_ELEMENTWISE_MIN = 4096;

/** Whether wasmRelu / wasmAddRelu run (WebAssembly SIMD is there). */
export function wasmElementwiseAvailable(): boolean {
  return wasmSimdSupported();
}

/** y = relu(x); y may be x. */
export function wasmRelu(x: Float32Array, y: Float32Array): void {
  const kernel = wasmGemmKernel();
  const n = x.length, padded = Math.ceil(n / 4) * 4;
  const heap = wasmHeap(kernel, padded * 4);
  heap.set(x, 0);
  kernel.relu(0, 1, padded / 4, padded * 4, 0);
  y.set(heap.subarray(0, n));
}

/** a = relu(a + b), elementwise over equal lengths. */
export function wasmAddRelu(a: Float32Array, b: Float32Array): void {
  const kernel = wasmGemmKernel();
  const n = a.length, padded = Math.ceil(n / 4) * 4;
  const heap = wasmHeap(kernel, 2 * padded * 4);
  heap.set(a, 0);
  heap.set(b, padded);
  kernel.addRelu(0, padded * 4, padded / 4);
  a.set(heap.subarray(0, n));
}

/**
 * out = a <op> b elementwise (out may be a or b); a or b may be a single value that stands for
 * every element (a scalar operand, filled out in the module's memory: TypedArray.fill runs at
 * memset speed, where a JavaScript loop over a broadcast operand costs 1–4 ns a value here).
 */
export function wasmBinary(op: WasmBinaryOp, a: Float32Array, b: Float32Array, out: Float32Array): void {
  const kernel = wasmGemmKernel();
  const n = out.length, padded = Math.ceil(n / 4) * 4;
  const heap = wasmHeap(kernel, 2 * padded * 4);
  place(heap, a, 0, n);
  place(heap, b, padded, n);
  kernel[op](0, padded * 4, 0, padded / 4);
  out.set(heap.subarray(0, n));
}

function place(heap: Float32Array, values: Float32Array, at: number, n: number): void {
  if (values.length === n) heap.set(values, at);
  else heap.fill(values[0]!, at, at + n);
}

/** y = sign(x) (Math.sign's values: ±1, and ±0 and NaN as they are); y may be x. */
export function wasmSign(x: Float32Array, y: Float32Array): void {
  const kernel = wasmGemmKernel();
  const n = x.length, padded = Math.ceil(n / 4) * 4;
  const heap = wasmHeap(kernel, padded * 4);
  heap.set(x, 0);
  kernel.sign(0, 0, padded / 4);
  y.set(heap.subarray(0, n));
}
