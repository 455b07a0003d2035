import { type ConvAttrs, type Tensor, CnnkitError, formatShape, getOpDef, resolvePads } from '@cnnkit/core';
import { type PackedGemmA, gemm } from '../gemm/gemm';
import type { WasmGemmKernel } from '../gemm/wasm/wasm-kernel';
import { cpuTensor, f32 } from '../tensor';
import { batchedIm2colWriter, batchesImages, swapOuterAxes } from './batched-conv';
import { convolvesDirectly, directConvShape, directConvolution } from './direct-conv';
import { im2colBlock, planIm2col } from './im2col';

/**
 * conv1d and conv2d, one implementation: per batch item and group, multiply the group's weights
 * by its input channels unrolled with im2col, with the blocked GEMM,
 *   y[n, group rows] = W_g [O/g, C/g·kH·kW] · col [C/g·kH·kW, outH·outW],
 * writing straight into the output. The GEMM asks for col a block at a time (im2colBlock), so it
 * is never held whole. A 1×1, stride-1, unpadded kernel skips im2col: the input block already is
 * that matrix. The bias (and a relu the compiled graph fused in) is applied as the GEMM stores
 * its result. Small maps multiply the whole batch at once (batched-conv.ts); convolutions over few
 * input taps skip im2col and the GEMM altogether (direct-conv.ts).
 */
export function convolution(op: 'conv1d' | 'conv2d', inputs: readonly Tensor[], attrs: ConvAttrs, prepared: PreparedConvolution = {}): Tensor[] {
  const [x, w, b] = checkInputs(op, inputs);
  // Core's shape inference is the one rule for shapes, group divisibility and circular limits.
  const outShape = getOpDef(op).infer(inputs.map((t) => ({ dtype: t.dtype, shape: t.shape })), attrs, op)[0]!.shape as number[];
  const spatial = op === 'conv1d' ? 1 : 2;
  const batch = x.shape[0]!, inChannels = x.shape[1]!, outChannels = w.shape[0]!;
  const inSize = x.shape.slice(2) as number[];
  const kernel = w.shape.slice(2) as number[];
  const outSize = outShape.slice(2);
  const pads = resolvePads(attrs.pads, inSize, kernel, attrs.strides, attrs.dilations);

  const groups = attrs.groups;
  const groupIn = inChannels / groups, groupOut = outChannels / groups;
  const plan = planIm2col({
    channels: groupIn, inSize, kernel, strides: attrs.strides, dilations: attrs.dilations,
    padBegins: pads.slice(0, spatial), outSize, circular: attrs.paddingMode === 'circular',
  });
  const depth = plan.rows, outPlane = plan.cols, inPlane = plan.inH * plan.inW;
  const direct = kernel.every((k) => k === 1) && attrs.strides.every((s) => s === 1) && pads.every((p) => p === 0);

  const xs = f32(x), ws = f32(w), bs = b ? f32(b) : undefined;
  const relu = prepared.relu === true;
  const directShape = directConvShape(plan, batch, outChannels, pads.slice(0, spatial));
  if (!direct && convolvesDirectly(directShape, attrs)) {
    const y = new Float32Array(batch * outChannels * outPlane);
    directConvolution(directShape, xs, ws, bs, relu, y);
    return [cpuTensor(y, outShape)];
  }
  if (batchesImages({ batch, groups, direct, outPlane, inChannels, inPlane })) {
    // y as [O, batch·outPlane] from one product over every image's columns, then batch-major.
    const columns = batch * outPlane;
    const yByChannel = new Float32Array(outChannels * columns);
    gemm(
      outChannels, columns, depth,
      ws, 0, depth, false,
      xs, 0, columns, false,
      yByChannel, 0, columns,
      0,
      { packedA: prepared.packedWeights?.[0], writeB: batchedIm2colWriter(plan, inChannels * inPlane), bSourceLength: xs.length, writeBInWasm: !plan.circular, rowBias: bs, rowBiasAt: 0, relu },
    );
    return [cpuTensor(swapOuterAxes(yByChannel, outChannels, batch, outPlane), outShape)];
  }
  const y = new Float32Array(batch * outChannels * outPlane);

  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      const xStart = (n * inChannels + g * groupIn) * inPlane;
      const writeB = direct ? undefined : (src: Float32Array, srcAt: number, out: Float32Array, outAt: number, p0: number, rows: number, j0: number, cols: number, wasm?: WasmGemmKernel): void => {
        im2colBlock(src, srcAt, plan, p0, rows, j0, cols, out, outAt, wasm);
      };
      gemm(
        groupOut, outPlane, depth,
        ws, g * groupOut * depth, depth, false,
        xs, xStart, outPlane, false,
        y, (n * outChannels + g * groupOut) * outPlane, outPlane,
        0,
        { packedA: prepared.packedWeights?.[g], writeB, bSourceLength: groupIn * inPlane, writeBInWasm: !plan.circular, rowBias: bs, rowBiasAt: g * groupOut, relu },
      );
    }
  }
  return [cpuTensor(y, outShape)];
}

/**
 * What a compiled graph settles about one convolution node ahead of its runs (see
 * ../graph/prepare-node.ts). The result is the same convolution either way, to float32 rounding.
 */
export interface PreparedConvolution {
  /** Per group, that group's constant weights packed for gemm() (packGemmA), or undefined to pack per call. */
  readonly packedWeights?: readonly (PackedGemmA | undefined)[];
  /** A relu the compiled graph fused into this node: applied to the output, with the bias, in one pass. */
  readonly relu?: boolean;
}

function checkInputs(op: string, inputs: readonly Tensor[]): [Tensor, Tensor, Tensor | undefined] {
  if (inputs.length < 2 || inputs.length > 3) {
    throw new CnnkitError('INVALID_ARGUMENT', `${op}: given ${inputs.length} inputs; expected x, weight and an optional bias`, { op, count: inputs.length });
  }
  const names = ['x', 'weight', 'bias'];
  inputs.forEach((t, i) => {
    if (t.dtype !== 'float32') {
      throw new CnnkitError('DTYPE_MISMATCH', `${op}: input '${names[i]}' ${formatShape(t.shape)} is ${t.dtype}; expected float32`, { op, input: names[i], dtype: t.dtype });
    }
  });
  return [inputs[0]!, inputs[1]!, inputs[2]];
}
