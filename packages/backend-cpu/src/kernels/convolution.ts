import { type ConvAttrs, type Tensor, CnnkitError, formatShape, getOpDef, resolvePads } from '@cnnkit/core';
import { type PackedGemmA, gemm } from '../gemm/gemm';
import { cpuTensor, f32 } from '../tensor';
import { im2col, planIm2col } from './im2col';

/**
 * conv1d and conv2d, one implementation: per batch item and group, unroll the group's input
 * channels with im2col and multiply by the group's weights with the blocked GEMM,
 *   y[n, group rows] = W_g [O/g, C/g·kH·kW] · col [C/g·kH·kW, outH·outW],
 * writing straight into the output. A 1×1, stride-1, unpadded kernel skips im2col: the input
 * block already is that matrix. Bias is written first and the GEMM accumulates onto it, unless a
 * relu follows: then one pass after the GEMM adds the bias and applies the relu together.
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
  const packed = prepared.packedWeights;
  const y = new Float32Array(batch * outChannels * outPlane);
  const biasFirst = bs !== undefined && !relu;
  if (biasFirst) for (let row = 0; row < batch * outChannels; row++) y.fill(bs[row % outChannels]!, row * outPlane, (row + 1) * outPlane);
  const col = direct ? xs : new Float32Array(depth * outPlane);

  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      const xStart = (n * inChannels + g * groupIn) * inPlane;
      if (!direct) im2col(xs, xStart, plan, col);
      gemm(
        groupOut, outPlane, depth,
        ws, g * groupOut * depth, depth, false,
        col, direct ? xStart : 0, outPlane, false,
        y, (n * outChannels + g * groupOut) * outPlane, outPlane,
        biasFirst ? 1 : 0,
        packed?.[g],
      );
    }
  }
  if (relu) biasRelu(y, bs, outChannels, outPlane);
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

/** y[row, :] = relu(y[row, :] + bias[row mod channels]); relu keeps NaN, as the relu kernel does. */
function biasRelu(y: Float32Array, bias: Float32Array | undefined, channels: number, plane: number): void {
  for (let row = 0, i = 0; i < y.length; row++) {
    const add = bias === undefined ? 0 : bias[row % channels]!;
    for (const end = i + plane; i < end; i++) {
      const v = y[i]! + add;
      y[i] = v < 0 ? 0 : v;
    }
  }
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
