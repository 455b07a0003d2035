import { CnnkitError } from '../errors';
import { broadcastShapes, formatShape, normalizeAxis } from '../tensor/shape';
import type { ExpandAttrs, SliceAttrs } from './attributes';
import { checkKnownAttributes, intListAttr } from './attribute-checks';
import type { OpDef } from './op-def';
import { staticDim } from './shape-checks';

/** Clamped [start, end) of one sliced axis, ONNX rules with step 1. */
export function sliceBounds(start: number, end: number, size: number): [number, number] {
  const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  const s = clamp(start);
  return [s, Math.max(clamp(end), s)];
}

export const sliceOp: OpDef<'slice'> = {
  type: 'slice',
  summary: 'x[starts:ends] along the listed axes (ONNX Slice, step 1; negative and out-of-range bounds clamp)',
  inputs: [{ name: 'x', dtypes: ['float32', 'int32'] }],
  outputs: ['y'],
  normalize(attrs, where): SliceAttrs {
    checkKnownAttributes(attrs, ['starts', 'ends', 'axes'], where);
    const starts = intListAttr(attrs, 'starts', undefined, undefined, where);
    const ends = intListAttr(attrs, 'ends', starts.length, undefined, where);
    const axes = intListAttr(attrs, 'axes', starts.length, starts.map((_, i) => i), where);
    return { starts, ends, axes };
  },
  infer([x], attrs, where) {
    const shape = [...x!.shape];
    const seen = new Set<number>();
    attrs.axes.forEach((a, i) => {
      const axis = normalizeAxis(a, shape.length, where);
      if (seen.has(axis)) throw new CnnkitError('INVALID_ATTRIBUTE', `${where}: axes ${formatShape(attrs.axes)} name axis ${axis} twice`);
      seen.add(axis);
      const [s, e] = sliceBounds(attrs.starts[i]!, attrs.ends[i]!, staticDim(x!.shape, axis, 'x', where));
      shape[axis] = e - s;
    });
    return [{ dtype: x!.dtype, shape }];
  },
};

export const expandOp: OpDef<'expand'> = {
  type: 'expand',
  summary: 'broadcasts x to broadcast(x.shape, shape) (ONNX Expand)',
  inputs: [{ name: 'x', dtypes: ['float32', 'int32'] }],
  outputs: ['y'],
  normalize(attrs, where): ExpandAttrs {
    checkKnownAttributes(attrs, ['shape'], where);
    return { shape: intListAttr(attrs, 'shape', undefined, undefined, where, 0) };
  },
  infer: ([x], attrs, where) => [{ dtype: x!.dtype, shape: broadcastShapes(x!.shape, attrs.shape, where) }],
};
