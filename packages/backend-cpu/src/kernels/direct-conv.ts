import { gemmImplementation } from '../gemm/gemm';
import { DIRECT_CONV_CHANNELS } from '../gemm/wasm/direct-conv-kernels';
import { type WasmGemmKernel, wasmGemmKernel, wasmHeap } from '../gemm/wasm/wasm-kernel';
import type { Im2colPlan } from './im2col';

/**
 * Convolutions over few input taps (channels · kH · kW), such as a grayscale network's first
 * layer, without im2col: with LeNet-5's 25 taps and 6 output channels, im2col writes and packs
 * 25 values per output position for a product that then does only 150 multiply-adds on them,
 * so unrolling costs as much as multiplying. The wasm kernels (direct-conv-kernels.ts) read a
 * zero-padded copy of the input at every tap's offset instead, four output channels at a time.
 */

/** Most input taps (channels · kH · kW) a direct convolution takes; above it im2col's cost is a small share. */
const DIRECT_MAX_TAPS = 32;
/** Most output channels: measured on LeNet-5's first layer (6); wider layers keep the GEMM, which is tuned for them. */
const DIRECT_MAX_OUT_CHANNELS = 16;
/** Most floats of staged input and output held in the module's memory at once (16 MiB); larger batches go in chunks of images. */
const MAX_STAGED_FLOATS = 1 << 22;

/** One convolution's shape, 1-D as 2-D with inH = kH = outH = 1. */
export interface DirectConvShape {
  readonly batch: number;
  readonly inChannels: number;
  readonly inH: number;
  readonly inW: number;
  readonly outChannels: number;
  readonly kH: number;
  readonly kW: number;
  readonly outH: number;
  readonly outW: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/** The shape of the convolution an im2col plan describes (its channels are the input's: one group). */
export function directConvShape(plan: Im2colPlan, batch: number, outChannels: number, padBegins: readonly number[]): DirectConvShape {
  return {
    batch, inChannels: plan.channels, inH: plan.inH, inW: plan.inW, outChannels, kH: plan.kH, kW: plan.kW, outH: plan.outH, outW: plan.outW,
    padTop: -plan.rowOrigin, padLeft: padBegins[padBegins.length - 1] ?? 0,
  };
}

/**
 * Whether a convolution is computed directly: one group, stride 1, dilation 1, zero padding,
 * few taps and output channels, and the 'wasm-simd' GEMM active (the 'reference' one keeps the
 * plain im2col path, which is what the fast paths are tested against).
 */
export function convolvesDirectly(
  shape: DirectConvShape,
  attrs: { readonly groups: number; readonly strides: readonly number[]; readonly dilations: readonly number[]; readonly paddingMode: string },
): boolean {
  return attrs.groups === 1 && attrs.paddingMode !== 'circular'
    && attrs.strides.every((s) => s === 1) && attrs.dilations.every((d) => d === 1)
    && shape.inChannels * shape.kH * shape.kW <= DIRECT_MAX_TAPS && shape.outChannels <= DIRECT_MAX_OUT_CHANNELS
    && shape.outH > 0 && shape.outW > 0 && shape.batch > 0
    && gemmImplementation() === 'wasm-simd';
}

/** Where things lie in the module's memory for one call, in floats (each region 16-byte aligned). */
interface Staging {
  readonly taps: number;
  readonly blocks: number;
  /** Output vectors per row (four output columns each, the last one padded). */
  readonly vectors: number;
  /** Padded input row and plane, and one image of padded input. */
  readonly rowFloats: number;
  readonly planeFloats: number;
  readonly xImageFloats: number;
  /** One output (or dy) plane and image, 4·blocks channels of outH rows of 4·vectors. */
  readonly outPlaneFloats: number;
  readonly outImageFloats: number;
  /** Images per wasm call. */
  readonly chunk: number;
  readonly tapsAt: number;
  readonly wAt: number;
  readonly xAt: number;
  readonly outAt: number;
  readonly end: number;
}

function plan(shape: DirectConvShape, extraFloats: number): Staging & { readonly extraAt: number } {
  const taps = shape.inChannels * shape.kH * shape.kW;
  const blocks = Math.ceil(shape.outChannels / DIRECT_CONV_CHANNELS);
  const vectors = Math.ceil(shape.outW / 4);
  // Every tap of every output vector must lie inside the padded row: 4·vectors + kW − 1 columns.
  const rowFloats = roundUp(4 * vectors + shape.kW - 1, 4);
  const planeFloats = (shape.outH + shape.kH - 1) * rowFloats;
  const xImageFloats = shape.inChannels * planeFloats;
  const outPlaneFloats = shape.outH * 4 * vectors;
  const outImageFloats = blocks * DIRECT_CONV_CHANNELS * outPlaneFloats;
  const chunk = Math.max(1, Math.min(shape.batch, Math.floor(MAX_STAGED_FLOATS / (xImageFloats + outImageFloats))));
  const tapsAt = 0;
  const wAt = tapsAt + roundUp(taps, 4);
  const extraAt = wAt + blocks * taps * DIRECT_CONV_CHANNELS;
  const xAt = extraAt + roundUp(extraFloats, 4);
  const outAt = xAt + chunk * xImageFloats;
  return { taps, blocks, vectors, rowFloats, planeFloats, xImageFloats, outPlaneFloats, outImageFloats, chunk, tapsAt, wAt, xAt, outAt, extraAt, end: outAt + chunk * outImageFloats };
}

/** Writes the tap offsets table (bytes, see direct-conv-kernels.ts) at s.tapsAt. */
function writeTapOffsets(heap: Float32Array, shape: DirectConvShape, s: Staging): void {
  const offsets = new Int32Array(heap.buffer, heap.byteOffset + s.tapsAt * 4, s.taps);
  let t = 0;
  for (let c = 0; c < shape.inChannels; c++) {
    for (let i = 0; i < shape.kH; i++) {
      for (let j = 0; j < shape.kW; j++) offsets[t++] = (c * s.planeFloats + i * s.rowFloats + j) * 4;
    }
  }
}

/** Images n0 … n0 + count of x into the zeroed, padded staging area at s.xAt. */
function stageInput(heap: Float32Array, x: Float32Array, shape: DirectConvShape, s: Staging, n0: number, count: number): void {
  const { inChannels, inH, inW, padTop, padLeft } = shape;
  heap.fill(0, s.xAt, s.xAt + count * s.xImageFloats);
  for (let n = 0; n < count; n++) {
    for (let c = 0; c < inChannels; c++) {
      const from = ((n0 + n) * inChannels + c) * inH * inW;
      const to = s.xAt + n * s.xImageFloats + c * s.planeFloats + padTop * s.rowFloats + padLeft;
      for (let ih = 0; ih < inH; ih++) heap.set(x.subarray(from + ih * inW, from + (ih + 1) * inW), to + ih * s.rowFloats);
    }
  }
}

/**
 * y = conv(x, w) + bias, then relu when asked, for a convolution convolvesDirectly() accepts;
 * y is [batch, O, outH, outW]. Bias and relu are the GEMM's own epilogue functions, so the result
 * is the one the im2col path gives (the same sums in the same order for up to 256 taps).
 */
export function directConvolution(shape: DirectConvShape, x: Float32Array, w: Float32Array, bias: Float32Array | undefined, relu: boolean, y: Float32Array): void {
  const O = shape.outChannels, outPlane = shape.outH * shape.outW;
  const kernel = wasmGemmKernel();
  const s = plan(shape, O);
  const heap = wasmHeap(kernel, s.end * 4);
  writeTapOffsets(heap, shape, s);
  // Weights as [block][tap][4 channels], the channels past O zero.
  heap.fill(0, s.wAt, s.wAt + s.blocks * s.taps * DIRECT_CONV_CHANNELS);
  for (let o = 0; o < O; o++) {
    const block = Math.floor(o / DIRECT_CONV_CHANNELS), lane = o % DIRECT_CONV_CHANNELS;
    for (let t = 0; t < s.taps; t++) heap[s.wAt + (block * s.taps + t) * DIRECT_CONV_CHANNELS + lane] = w[o * s.taps + t]!;
  }
  if (bias !== undefined) heap.set(bias.subarray(0, O), s.extraAt);
  const epilogue = bias === undefined ? (relu ? kernel.relu : undefined) : relu ? kernel.biasRelu : kernel.bias;
  const dense = 4 * s.vectors === shape.outW;
  for (let n0 = 0; n0 < shape.batch; n0 += s.chunk) {
    const count = Math.min(s.chunk, shape.batch - n0);
    stageInput(heap, x, shape, s, n0, count);
    kernel.directConvForward(
      s.xAt * 4, count, s.xImageFloats * 4, s.taps, s.tapsAt * 4, s.wAt * 4, s.blocks,
      s.outAt * 4, s.outImageFloats * 4, s.outPlaneFloats * 4, shape.outH, s.rowFloats * 4, s.vectors, 16 * s.vectors,
    );
    for (let n = 0; n < count; n++) {
      const at = s.outAt + n * s.outImageFloats;
      epilogue?.(at * 4, O, s.outPlaneFloats / 4, s.outPlaneFloats * 4, s.extraAt * 4);
      const yAt = (n0 + n) * O * outPlane;
      if (dense) {
        y.set(heap.subarray(at, at + O * outPlane), yAt);
      } else {
        for (let row = 0; row < O * shape.outH; row++) {
          const from = at + row * 4 * s.vectors;
          y.set(heap.subarray(from, from + shape.outW), yAt + row * shape.outW);
        }
      }
    }
  }
}

/**
 * dW = Σ over the batch and output positions of dy · x at each tap, [O, C·kH·kW], for a
 * convolution convolvesDirectly() accepts. Sums run in four lanes per (channel, tap) over the
 * whole batch and the lanes are added at the end, so they are rounded differently from the
 * im2col path's (same values to float32 rounding).
 */
export function directConvFilterGrad(shape: DirectConvShape, x: Float32Array, dy: Float32Array, dw: Float32Array): void {
  const O = shape.outChannels, outPlane = shape.outH * shape.outW;
  const kernel: WasmGemmKernel = wasmGemmKernel();
  // One lane mask per output column (padded to whole vectors), one f32x4 per (channel, tap).
  const masksFloats = 4 * Math.ceil(shape.outW / 4);
  const accFloats = roundUp(shape.outChannels, DIRECT_CONV_CHANNELS) * shape.inChannels * shape.kH * shape.kW * 4;
  const s = plan(shape, masksFloats + accFloats);
  const masksAt = s.extraAt, accAt = s.extraAt + masksFloats;
  const heap = wasmHeap(kernel, s.end * 4);
  writeTapOffsets(heap, shape, s);
  // Lanes past outW in the last vector of a row are masked off the input.
  const masks = new Int32Array(heap.buffer, heap.byteOffset + masksAt * 4, masksFloats);
  for (let lane = 0; lane < masksFloats; lane++) masks[lane] = lane < shape.outW ? -1 : 0;
  heap.fill(0, accAt, accAt + accFloats);
  // Rows of whole vectors: an image's O planes of dy are its staged planes as they lie.
  const denseRows = 4 * s.vectors === shape.outW;
  for (let n0 = 0; n0 < shape.batch; n0 += s.chunk) {
    const count = Math.min(s.chunk, shape.batch - n0);
    stageInput(heap, x, shape, s, n0, count);
    heap.fill(0, s.outAt, s.outAt + count * s.outImageFloats);
    for (let n = 0; n < count; n++) {
      const to = s.outAt + n * s.outImageFloats, from = (n0 + n) * O * outPlane;
      if (denseRows) {
        heap.set(dy.subarray(from, from + O * outPlane), to);
      } else {
        for (let row = 0; row < O * shape.outH; row++) heap.set(dy.subarray(from + row * shape.outW, from + (row + 1) * shape.outW), to + row * 4 * s.vectors);
      }
    }
    kernel.directConvFilterGrad(
      s.xAt * 4, count, s.xImageFloats * 4, s.taps, s.tapsAt * 4, s.outAt * 4, s.blocks,
      s.outImageFloats * 4, s.outPlaneFloats * 4, shape.outH, s.rowFloats * 4, s.vectors, 16 * s.vectors, masksAt * 4, accAt * 4,
    );
  }
  for (let o = 0; o < O; o++) {
    const block = Math.floor(o / DIRECT_CONV_CHANNELS), lane = o % DIRECT_CONV_CHANNELS;
    for (let t = 0; t < s.taps; t++) {
      const at = accAt + ((block * s.taps + t) * DIRECT_CONV_CHANNELS + lane) * 4;
      dw[o * s.taps + t] = Math.fround(Math.fround(heap[at]! + heap[at + 1]!) + Math.fround(heap[at + 2]! + heap[at + 3]!));
    }
  }
}

function roundUp(x: number, multiple: number): number {
  return Math.ceil(x / multiple) * multiple;
}
