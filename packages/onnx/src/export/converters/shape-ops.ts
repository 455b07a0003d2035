import { CnnkitError, type NormalizedNode, formatShape, normalizeAxis, sliceBounds } from '@cnnkit/core';
import { attr } from '../../proto/builders';
import type { ExportContext } from '../context';

/** reshape → Reshape: cnnkit's shape rules are ONNX's (0 copies the input's dim, -1 infers; allowzero 0). */
export function convertReshape(node: NormalizedNode<'reshape'>, ctx: ExportContext): void {
  ctx.emit('Reshape', [node.inputs[0]!, ctx.int64('shape', node.attrs.shape)], node.outputs);
}

/**
 * torch.flatten(x, start, end) merges axes start..end. ONNX Flatten(axis) always gives 2-D
 * [prod(dims[:axis]), prod(dims[axis:])], which is the same thing only when start = 1 and end
 * is the last axis (start 0 would give [1, n] instead of [n]). Everything else is a Reshape:
 * the leading dims copied (0), -1 for the merged run, the trailing dims by size (a symbolic one
 * takes the -1 when the merged run is static).
 */
export function convertFlatten(node: NormalizedNode<'flatten'>, ctx: ExportContext): void {
  const x = node.inputs[0]!;
  const shape = ctx.typeOf(x).shape;
  const where = ctx.where(node);
  const start = normalizeAxis(node.attrs.startDim, shape.length, where);
  const end = normalizeAxis(node.attrs.endDim, shape.length, where);
  if (start === 1 && end === shape.length - 1) {
    ctx.emit('Flatten', [x], node.outputs, [attr.int('axis', 1)]);
    return;
  }
  if (start === end) {
    ctx.emit('Identity', [x], node.outputs);
    return;
  }
  const merged = shape.slice(start, end + 1);
  const trailing = shape.slice(end + 1);
  const symbolicTrailing = trailing.filter((d) => typeof d === 'string').length;
  const target: number[] = shape.slice(0, start).map(() => 0);
  if (symbolicTrailing === 0) {
    target.push(-1, ...(trailing as number[]));
  } else if (symbolicTrailing === 1 && merged.every((d) => typeof d === 'number')) {
    target.push((merged as number[]).reduce((a, b) => a * b, 1), ...trailing.map((d) => (typeof d === 'number' ? d : -1)));
  } else {
    throw new CnnkitError('UNSUPPORTED_OP', `${where}: flattening axes ${start}..${end} of x ${formatShape(shape)} leaves more than one unknown size after the merged axes; expected at most one symbolic dimension outside the leading axes`, { node: node.name });
  }
  ctx.emit('Reshape', [x, ctx.int64('shape', target)], node.outputs);
}

export function convertTranspose(node: NormalizedNode<'transpose'>, ctx: ExportContext): void {
  ctx.emit('Transpose', node.inputs, node.outputs, [attr.ints('perm', node.attrs.perm)]);
}

export function convertConcat(node: NormalizedNode<'concat'>, ctx: ExportContext): void {
  ctx.emit('Concat', node.inputs, node.outputs, [attr.int('axis', node.attrs.axis)]);
}

/** gather → Gather: int32 indices are valid ONNX indices, negatives count from the end in both. */
export function convertGather(node: NormalizedNode<'gather'>, ctx: ExportContext): void {
  ctx.emit('Gather', node.inputs, node.outputs, [attr.int('axis', node.attrs.axis)]);
}

/** slice → Slice with the bounds already clamped by core's sliceBounds (sliced axes are static), step 1. */
export function convertSlice(node: NormalizedNode<'slice'>, ctx: ExportContext): void {
  const x = node.inputs[0]!;
  const rank = ctx.typeOf(x).shape.length;
  const where = ctx.where(node);
  const axes = node.attrs.axes.map((a) => normalizeAxis(a, rank, where));
  const bounds = axes.map((axis, i) => sliceBounds(node.attrs.starts[i]!, node.attrs.ends[i]!, ctx.staticDim(x, axis)));
  ctx.emit('Slice', [x, ctx.int64('starts', bounds.map(([s]) => s)), ctx.int64('ends', bounds.map(([, e]) => e)), ctx.int64('axes', axes)], node.outputs);
}

/** expand → Expand: both broadcast x against the shape, a 1 keeping x's dimension. */
export function convertExpand(node: NormalizedNode<'expand'>, ctx: ExportContext): void {
  ctx.emit('Expand', [node.inputs[0]!, ctx.int64('shape', node.attrs.shape)], node.outputs);
}
