import { CnnkitError } from '../errors';
import { type Dim, normalizeAxis } from '../tensor/shape';
import type { ArgMaxAttrs, ReduceAttrs } from './attributes';
import { boolAttr, checkKnownAttributes, intAttr, intListAttr } from './attribute-checks';
import type { OpDef } from './op-def';

function reducedShape(shape: readonly Dim[], axes: readonly number[], keepDims: boolean): Dim[] {
  const out: Dim[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}

function makeReduce<K extends 'reduceSum' | 'reduceMean' | 'reduceMax'>(type: K, what: string): OpDef<K> {
  return {
    type,
    summary: `${what} over the given axes (every axis when empty); keepDims keeps them with size 1`,
    inputs: [{ name: 'x', dtypes: ['float32'] }],
    outputs: ['y'],
    normalize(attrs, where): ReduceAttrs {
      checkKnownAttributes(attrs, ['axes', 'keepDims'], where);
      return { axes: intListAttr(attrs, 'axes', undefined, [], where), keepDims: boolAttr(attrs, 'keepDims', false, where) };
    },
    infer([x], attrs, where) {
      const rank = x!.shape.length;
      const axes = attrs.axes.length === 0 ? x!.shape.map((_, i) => i) : attrs.axes.map((a) => normalizeAxis(a, rank, where));
      if (new Set(axes).size !== axes.length) {
        throw new CnnkitError('INVALID_ATTRIBUTE', `${where}: axes ${JSON.stringify(attrs.axes)} name an axis twice for rank ${rank}`);
      }
      return [{ dtype: 'float32', shape: reducedShape(x!.shape, axes, attrs.keepDims) }];
    },
  };
}

export const reduceSumOp = makeReduce('reduceSum', 'sum');
export const reduceMeanOp = makeReduce('reduceMean', 'mean');
export const reduceMaxOp = makeReduce('reduceMax', 'maximum');

export const argMaxOp: OpDef<'argMax'> = {
  type: 'argMax',
  summary: 'int32 index of the largest value along an axis (the first one on ties)',
  inputs: [{ name: 'x', dtypes: ['float32'] }],
  outputs: ['y'],
  normalize(attrs, where): ArgMaxAttrs {
    checkKnownAttributes(attrs, ['axis', 'keepDims'], where);
    return { axis: intAttr(attrs, 'axis', -1, where), keepDims: boolAttr(attrs, 'keepDims', false, where) };
  },
  infer([x], attrs, where) {
    const axis = normalizeAxis(attrs.axis, x!.shape.length, where);
    return [{ dtype: 'int32', shape: reducedShape(x!.shape, [axis], attrs.keepDims) }];
  },
};
