import { type ConvAttrs, type ConvBackwardFilterAttrs, type ConvBackwardInputAttrs, type Tensor, resolvePads } from '@cnnkit/core';
import { gemm } from '../gemm/gemm';
import type { WasmGemmKernel } from '../gemm/wasm/wasm-kernel';
import { cpuTensor, f32 } from '../tensor';
import { batchedCol2imReader, batchedIm2colWriter, batchesImages, swapOuterAxes } from './batched-conv';
import { col2im } from './col2im';
import { convolvesDirectly, directConvFilterGrad, directConvShape } from './direct-conv';
import { type Im2colPlan, im2colBlock, planIm2col } from './im2col';
import { inferOutputShape } from './infer-output';

/**
 * The two gradients of convolution (convolution.ts), on the same im2col plan and blocked GEMM.
 * Per batch item and group, with col = im2col(x) [C/g·kH·kW, outH·outW]:
 *   forward          y_g  = W_g · col
 *   backward-filter  dW_g += dy_g · colᵀ      (summed over the batch)
 *   backward-input   dx_g  = col2im(W_gᵀ · dy_g)
 * col2im is im2col's adjoint, so strides, dilation, pads ('same' included) and circular
 * wrap-around come out of the same plan the forward pass reads through.
 */
interface ConvGeometry {
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly groupIn: number;
  readonly groupOut: number;
  readonly plan: Im2colPlan;
  /** Rows of col: groupIn · kH · kW (also the length of one output channel's weights). */
  readonly depth: number;
  readonly outPlane: number;
  readonly inPlane: number;
  /** 1×1 kernel, stride 1, no padding: the input block itself is col, so im2col / col2im are skipped. */
  readonly direct: boolean;
  /** Zero padding before each spatial axis. */
  readonly padBegins: readonly number[];
}

function convGeometry(
  batch: number, inChannels: number, outChannels: number,
  inSize: readonly number[], kernel: readonly number[], outSize: readonly number[], attrs: ConvAttrs,
): ConvGeometry {
  const pads = resolvePads(attrs.pads, inSize, kernel, attrs.strides, attrs.dilations);
  const groups = attrs.groups;
  const groupIn = inChannels / groups;
  const plan = planIm2col({
    channels: groupIn, inSize, kernel, strides: attrs.strides, dilations: attrs.dilations,
    padBegins: pads.slice(0, inSize.length), outSize, circular: attrs.paddingMode === 'circular',
  });
  return {
    batch, inChannels, outChannels, groups, groupIn, groupOut: outChannels / groups, plan,
    depth: plan.rows, outPlane: plan.cols, inPlane: plan.inH * plan.inW, padBegins: pads.slice(0, inSize.length),
    direct: kernel.every((k) => k === 1) && attrs.strides.every((s) => s === 1) && pads.every((p) => p === 0),
  };
}

/** (dy, weight) -> dx, the gradient of conv1d / conv2d with respect to x. */
export function convBackwardInput(op: 'conv1dBackwardInput' | 'conv2dBackwardInput', inputs: readonly Tensor[], attrs: ConvBackwardInputAttrs): Tensor[] {
  // Core's inference checks dy against the forward conv of an input of inputSize with this weight.
  const shape = inferOutputShape(op, inputs, attrs);
  const [dy, w] = [inputs[0]!, inputs[1]!];
  const g = convGeometry(shape[0]!, shape[1]!, w.shape[0]!, shape.slice(2), w.shape.slice(2), dy.shape.slice(2), attrs);
  const { depth, outPlane, inPlane, groupIn, groupOut } = g;
  const dys = f32(dy), ws = f32(w);
  const dx = new Float32Array(g.batch * g.inChannels * inPlane);
  if (batchesImages(g)) {
    // Every image's col side by side = Wᵀ · dy as [O, batch·outPlane]; each finished block
    // of it goes back onto dx (col2im) inside the GEMM instead of being stored.
    const columns = g.batch * outPlane;
    gemm(
      depth, columns, g.outChannels,
      ws, 0, depth, true,
      swapOuterAxes(dys, g.batch, g.outChannels, outPlane), 0, columns, false,
      dx, 0, 0,
      0,
      { readC: batchedCol2imReader(g.plan, g.inChannels * inPlane), readCTarget: dx },
    );
    return [cpuTensor(dx, shape)];
  }
  const col = g.direct ? dx : new Float32Array(depth * outPlane);
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const dxStart = (n * g.inChannels + grp * groupIn) * inPlane;
      // W_gᵀ [depth, O/g] · dy_g [O/g, outPlane], straight into dx when it is col.
      gemm(
        depth, outPlane, groupOut,
        ws, grp * groupOut * depth, depth, true,
        dys, (n * g.outChannels + grp * groupOut) * outPlane, outPlane, false,
        col, g.direct ? dxStart : 0, outPlane,
        0,
      );
      if (!g.direct) col2im(col, g.plan, dx, dxStart);
    }
  }
  return [cpuTensor(dx, shape)];
}

/** (x, dy) -> dweight, the gradient of conv1d / conv2d with respect to its weight. */
export function convBackwardFilter(op: 'conv1dBackwardFilter' | 'conv2dBackwardFilter', inputs: readonly Tensor[], attrs: ConvBackwardFilterAttrs): Tensor[] {
  // Core's inference checks dy against the forward conv of x with a weight of kernelSize.
  const shape = inferOutputShape(op, inputs, attrs);
  const [x, dy] = [inputs[0]!, inputs[1]!];
  const g = convGeometry(x.shape[0]!, x.shape[1]!, dy.shape[1]!, x.shape.slice(2), attrs.kernelSize, dy.shape.slice(2), attrs);
  const { depth, outPlane, inPlane, groupIn, groupOut } = g;
  const xs = f32(x), dys = f32(dy);
  const dw = new Float32Array(g.outChannels * depth);
  const directShape = directConvShape(g.plan, g.batch, g.outChannels, g.padBegins);
  if (!g.direct && convolvesDirectly(directShape, attrs)) {
    directConvFilterGrad(directShape, xs, dys, dw);
    return [cpuTensor(dw, shape)];
  }
  if (batchesImages(g)) {
    // dW = dy as [O, batch·outPlane] · (every image's col side by side)ᵀ: the batch sum is the product's depth.
    const columns = g.batch * outPlane;
    gemm(
      g.outChannels, depth, columns,
      swapOuterAxes(dys, g.batch, g.outChannels, outPlane), 0, columns, false,
      xs, 0, columns, true,
      dw, 0, depth,
      0,
      { writeB: batchedIm2colWriter(g.plan, g.inChannels * inPlane), bSourceLength: xs.length, writeBInWasm: !g.plan.circular },
    );
    return [cpuTensor(dw, shape)];
  }
  // col is handed to the GEMM a block at a time (im2colBlock), as in the forward convolution.
  const writeB = g.direct ? undefined : (src: Float32Array, srcAt: number, out: Float32Array, outAt: number, r0: number, rows: number, c0: number, cols: number, wasm?: WasmGemmKernel): void => {
    im2colBlock(src, srcAt, g.plan, r0, rows, c0, cols, out, outAt, wasm);
  };
  for (let n = 0; n < g.batch; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const xStart = (n * g.inChannels + grp * groupIn) * inPlane;
      // dy_g [O/g, outPlane] · colᵀ [outPlane, depth]; the first batch item overwrites, the rest add.
      gemm(
        groupOut, depth, outPlane,
        dys, (n * g.outChannels + grp * groupOut) * outPlane, outPlane, false,
        xs, xStart, outPlane, true,
        dw, grp * groupOut * depth, depth,
        n === 0 ? 0 : 1,
        { writeB, bSourceLength: groupIn * inPlane, writeBInWasm: !g.plan.circular },
      );
    }
  }
  return [cpuTensor(dw, shape)];
}
