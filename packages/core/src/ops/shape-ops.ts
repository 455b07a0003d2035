import { CnnkitError } from '../errors';
import { type Dim, formatShape, normalizeAxis } from '../tensor/shape';
import type { AxisAttrs, FlattenAttrs, ReshapeAttrs, TransposeAttrs } from './attributes';
import { checkKnownAttributes, intAttr, intListAttr } from './attribute-checks';
import type { OpDef } from './op-def';
import { dimsCompatible, shapeError } from './shape-checks';

function product(dims: readonly Dim[]): Dim {
  let n = 1;
  for (const d of dims) {
    if (typeof d === 'string') return dims.length === 1 ? d : `${dims.join('*')}`;
    n *= d;
  }
  return n;
}

export const reshapeOp: OpDef<'reshape'> = {
  type: 'reshape',
  summary: 'same values, new shape; -1 infers one dimension, 0 copies the input dimension (ONNX)',
  inputs: [{ name: 'x', dtypes: ['float32', 'int32'] }],
  outputs: ['y'],
  normalize(attrs, where): ReshapeAttrs {
    checkKnownAttributes(attrs, ['shape'], where);
    const shape = intListAttr(attrs, 'shape', undefined, undefined, where, -1);
    if (shape.filter((d) => d === -1).length > 1) {
      throw new CnnkitError('INVALID_ATTRIBUTE', `${where}: attribute 'shape' ${formatShape(shape)} has more than one -1; expected at most one inferred dimension`);
    }
    return { shape };
  },
  infer([x], attrs, where) {
    const out: Dim[] = attrs.shape.map((d, i) => {
      if (d !== 0) return d;
      if (i >= x!.shape.length) throw shapeError(where, `shape ${formatShape(attrs.shape)} copies dimension ${i} (0) but x ${formatShape(x!.shape)} has rank ${x!.shape.length}`);
      return x!.shape[i]!;
    });
    const inferred = out.indexOf(-1);
    const known = out.filter((_, i) => i !== inferred);
    const total = product(x!.shape);
    const knownProduct = product(known);
    if (typeof total === 'number' && typeof knownProduct === 'number') {
      if (inferred >= 0) {
        if (knownProduct === 0 || total % knownProduct !== 0) throw shapeError(where, `cannot reshape x ${formatShape(x!.shape)} (${total} values) to ${formatShape(attrs.shape)}: ${total} is not a multiple of ${knownProduct}`);
        out[inferred] = total / knownProduct;
      } else if (knownProduct !== total) {
        throw shapeError(where, `cannot reshape x ${formatShape(x!.shape)} (${total} values) to ${formatShape(out)} (${knownProduct} values); expected the same number of values`);
      }
    } else if (inferred >= 0) {
      // A symbolic batch survives a reshape that keeps it and fixes everything else.
      const symbolic = x!.shape.filter((d) => typeof d === 'string');
      const staticIn = product(x!.shape.filter((d) => typeof d === 'number'));
      const staticOut = product(known.filter((d) => typeof d === 'number'));
      const symbolicOut = known.filter((d) => typeof d === 'string');
      out[inferred] = symbolicOut.length === 0 && symbolic.length === 1 && typeof staticIn === 'number' && typeof staticOut === 'number' && staticIn === staticOut
        ? symbolic[0]!
        : symbolicOut.length === symbolic.length && typeof staticIn === 'number' && typeof staticOut === 'number' && staticOut > 0
          ? staticIn / staticOut
          : `${where}:${inferred}`;
    }
    return [{ dtype: x!.dtype, shape: out }];
  },
};

export const flattenOp: OpDef<'flatten'> = {
  type: 'flatten',
  summary: 'merges axes startDim..endDim into one (PyTorch torch.flatten)',
  inputs: [{ name: 'x', dtypes: ['float32', 'int32'] }],
  outputs: ['y'],
  normalize(attrs, where): FlattenAttrs {
    checkKnownAttributes(attrs, ['startDim', 'endDim'], where);
    return { startDim: intAttr(attrs, 'startDim', 1, where), endDim: intAttr(attrs, 'endDim', -1, where) };
  },
  infer([x], attrs, where) {
    const rank = x!.shape.length;
    const s = normalizeAxis(attrs.startDim, rank, where);
    const e = normalizeAxis(attrs.endDim, rank, where);
    if (s > e) throw shapeError(where, `startDim ${attrs.startDim} comes after endDim ${attrs.endDim} for rank ${rank}; expected startDim <= endDim`);
    return [{ dtype: x!.dtype, shape: [...x!.shape.slice(0, s), product(x!.shape.slice(s, e + 1)), ...x!.shape.slice(e + 1)] }];
  },
};

export const transposeOp: OpDef<'transpose'> = {
  type: 'transpose',
  summary: 'permutes axes: y.shape[i] = x.shape[perm[i]]',
  inputs: [{ name: 'x', dtypes: ['float32', 'int32'] }],
  outputs: ['y'],
  normalize(attrs, where): TransposeAttrs {
    checkKnownAttributes(attrs, ['perm'], where);
    return { perm: intListAttr(attrs, 'perm', undefined, undefined, where, 0) };
  },
  infer([x], attrs, where) {
    const rank = x!.shape.length;
    const sorted = [...attrs.perm].sort((a, b) => a - b);
    if (sorted.length !== rank || sorted.some((p, i) => p !== i)) {
      throw shapeError(where, `perm ${formatShape(attrs.perm)} is not a permutation of the ${rank} axes of x ${formatShape(x!.shape)}`);
    }
    return [{ dtype: x!.dtype, shape: attrs.perm.map((p) => x!.shape[p]!) }];
  },
};

export const concatOp: OpDef<'concat'> = {
  type: 'concat',
  summary: 'joins one or more tensors along an axis',
  inputs: [{ name: 'inputs', dtypes: ['float32', 'int32'], variadic: true }],
  outputs: ['y'],
  normalize(attrs, where): AxisAttrs {
    checkKnownAttributes(attrs, ['axis'], where);
    return { axis: intAttr(attrs, 'axis', 0, where) };
  },
  infer(inputs, attrs, where) {
    const first = inputs[0]!;
    const axis = normalizeAxis(attrs.axis, first.shape.length, where);
    let total: Dim = 0;
    inputs.forEach((t, k) => {
      if (t.dtype !== first.dtype) throw new CnnkitError('DTYPE_MISMATCH', `${where}: input ${k} is ${t.dtype} but input 0 is ${first.dtype}; expected one dtype`);
      const mismatch = t.shape.length !== first.shape.length || t.shape.some((d, i) => i !== axis && !dimsCompatible(d, first.shape[i]!));
      if (mismatch) throw shapeError(where, `input ${k} has shape ${formatShape(t.shape)} but input 0 has ${formatShape(first.shape)}; expected equal shapes except on axis ${axis}`);
      const d = t.shape[axis]!;
      total = typeof total === 'number' && typeof d === 'number' ? total + d : `${total}+${d}`;
    });
    const shape = [...first.shape];
    shape[axis] = total;
    return [{ dtype: first.dtype, shape }];
  },
};
