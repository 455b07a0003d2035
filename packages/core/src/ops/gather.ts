import { normalizeAxis } from '../tensor/shape';
import type { AxisAttrs } from './attributes';
import { checkKnownAttributes, intAttr } from './attribute-checks';
import type { OpDef } from './op-def';

/** ONNX Gather; an embedding lookup is gather(weight, indices, axis 0). Negative indices count from the end. */
export const gatherOp: OpDef<'gather'> = {
  type: 'gather',
  summary: 'picks slices of data along an axis by int32 indices: out shape = data[:axis] + indices + data[axis+1:]',
  inputs: [{ name: 'data', dtypes: ['float32', 'int32'] }, { name: 'indices', dtypes: ['int32'] }],
  outputs: ['y'],
  normalize(attrs, where): AxisAttrs {
    checkKnownAttributes(attrs, ['axis'], where);
    return { axis: intAttr(attrs, 'axis', 0, where) };
  },
  infer([data, indices], attrs, where) {
    const axis = normalizeAxis(attrs.axis, data!.shape.length, where);
    return [{ dtype: data!.dtype, shape: [...data!.shape.slice(0, axis), ...indices!.shape, ...data!.shape.slice(axis + 1)] }];
  },
};
