import { CnnkitError, type NormalizedNode, effectiveKernel, formatShape, poolOutputSize, resolvePads } from '@cnnkit/core';
import { attr } from '../../proto/builders';
import type { AttributeProto } from '../../proto/types';
import type { ExportContext } from '../context';

interface Window {
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly pads: readonly number[];
  readonly dilations: readonly number[];
  readonly ceilMode: boolean;
  /** cnnkit's (PyTorch's) output size per spatial axis, from the graph's types. */
  readonly outSize: readonly number[];
}

function windowOf(node: NormalizedNode<'maxPool1d' | 'maxPool2d' | 'avgPool1d' | 'avgPool2d'>, ctx: ExportContext, dilations: readonly number[]): Window {
  const spatial = node.attrs.kernelSize.length;
  const x = node.inputs[0]!;
  const inSize = Array.from({ length: spatial }, (_, i) => ctx.staticDim(x, i + 2));
  const pads = resolvePads(node.attrs.pads, inSize, node.attrs.kernelSize, node.attrs.strides, dilations);
  const outSize = Array.from({ length: spatial }, (_, i) => ctx.staticDim(node.outputs[0]!, i + 2));
  return { kernelSize: node.attrs.kernelSize, strides: node.attrs.strides, pads, dilations, ceilMode: node.attrs.ceilMode, outSize };
}

/**
 * Writes the pool. ceil_mode (one flag for every axis) is set when some axis needs it. ONNX's
 * opset-17 ceil rule is ceil(span / stride) + 1 on every axis, while PyTorch (and cnnkit) drop a
 * last window that would start in the end padding; on an axis where that happens the floor size
 * is right and ONNX's ceil pool has one window too many, which a Slice cuts off (a runtime that
 * already applies PyTorch's rule, as opset 19 specifies, has nothing to cut). The windows kept
 * are the same in both, partial ones included.
 */
function emitPool(opType: 'MaxPool' | 'AveragePool', node: NormalizedNode<'maxPool1d' | 'maxPool2d' | 'avgPool1d' | 'avgPool2d'>, ctx: ExportContext, win: Window, extra: readonly AttributeProto[]): void {
  const spatial = win.kernelSize.length;
  const x = node.inputs[0]!;
  const floorSizes: number[] = [];
  const ceilSizes: number[] = [];
  win.outSize.forEach((_, i) => {
    const inSize = ctx.staticDim(x, i + 2);
    const span = inSize + win.pads[i]! + win.pads[i + spatial]! - effectiveKernel(win.kernelSize[i]!, win.dilations[i]!);
    floorSizes.push(poolOutputSize(inSize, win.kernelSize[i]!, win.strides[i]!, win.dilations[i]!, win.pads[i]!, win.pads[i + spatial]!, false));
    ceilSizes.push(Math.ceil(span / win.strides[i]!) + 1);
  });
  const ceil = win.outSize.some((out, i) => out !== floorSizes[i]);
  const onnxSizes = ceil ? ceilSizes : floorSizes;
  const cut = win.outSize.flatMap((out, i) => (onnxSizes[i] === out ? [] : [i]));
  if (cut.some((i) => onnxSizes[i] !== win.outSize[i]! + 1)) {
    throw new CnnkitError('UNSUPPORTED_OP', `${ctx.where(node)}: output size ${formatShape(win.outSize)} is not reachable from ONNX's ${ceil ? 'ceil' : 'floor'} pooling size ${formatShape(onnxSizes)} for pads ${formatShape(win.pads)}; cannot be written as ${opType}`, { node: node.name });
  }
  const attributes = [
    ...(ceil ? [attr.int('ceil_mode', 1)] : []),
    ...extra,
    attr.ints('kernel_shape', win.kernelSize),
    attr.ints('pads', win.pads),
    attr.ints('strides', win.strides),
  ];
  if (cut.length === 0) {
    ctx.emit(opType, [x], node.outputs, attributes);
    return;
  }
  const pooled = ctx.temp(`${opType}_ceil`);
  ctx.emit(opType, [x], [pooled], attributes);
  const axes = cut.map((i) => i + 2);
  ctx.emit('Slice', [pooled, ctx.int64('starts', cut.map(() => 0)), ctx.int64('ends', cut.map((i) => win.outSize[i]!)), ctx.int64('axes', axes)], node.outputs);
}

export function convertMaxPool(node: NormalizedNode<'maxPool1d' | 'maxPool2d'>, ctx: ExportContext): void {
  const win = windowOf(node, ctx, node.attrs.dilations);
  const dilated = node.attrs.dilations.some((d) => d !== 1);
  emitPool('MaxPool', node, ctx, win, dilated ? [attr.ints('dilations', node.attrs.dilations)] : []);
}

export function convertAvgPool(node: NormalizedNode<'avgPool1d' | 'avgPool2d'>, ctx: ExportContext): void {
  const win = windowOf(node, ctx, node.attrs.kernelSize.map(() => 1));
  emitPool('AveragePool', node, ctx, win, [attr.int('count_include_pad', node.attrs.countIncludePad ? 1 : 0)]);
}

export function convertGlobalAvgPool(node: NormalizedNode<'globalAvgPool'>, ctx: ExportContext): void {
  ctx.emit('GlobalAveragePool', node.inputs, node.outputs);
}

export function convertGlobalMaxPool(node: NormalizedNode<'globalMaxPool'>, ctx: ExportContext): void {
  ctx.emit('GlobalMaxPool', node.inputs, node.outputs);
}
