import { broadcastShapes } from '../tensor/shape';
import { CnnkitError } from '../errors';
import { noAttrs } from './attribute-checks';
import type { OpDef } from './op-def';

function makeBinary<K extends 'add' | 'sub' | 'mul' | 'div'>(type: K, symbol: string): OpDef<K> {
  return {
    type,
    summary: `elementwise a ${symbol} b with NumPy broadcasting (int32 division truncates toward zero)`,
    inputs: [{ name: 'a', dtypes: ['float32', 'int32'] }, { name: 'b', dtypes: ['float32', 'int32'] }],
    outputs: ['y'],
    normalize: noAttrs,
    infer([a, b], _attrs, where) {
      if (a!.dtype !== b!.dtype) {
        throw new CnnkitError('DTYPE_MISMATCH', `${where}: inputs are ${a!.dtype} and ${b!.dtype}; expected the same dtype`);
      }
      return [{ dtype: a!.dtype, shape: broadcastShapes(a!.shape, b!.shape, where) }];
    },
  };
}

export const addOp = makeBinary('add', '+');
export const subOp = makeBinary('sub', '-');
export const mulOp = makeBinary('mul', '*');
export const divOp = makeBinary('div', '/');
