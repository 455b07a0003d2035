import { CnnkitError } from '../errors';

/** float32 for values, int32 for indices and labels. */
export type DType = 'float32' | 'int32';
export const DTYPES: readonly DType[] = ['float32', 'int32'];

export type TypedArray = Float32Array | Int32Array;
export type TypedArrayOf<D extends DType> = D extends 'float32' ? Float32Array : Int32Array;

export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'int32';
}

export function allocate<D extends DType>(dtype: D, size: number): TypedArrayOf<D> {
  return (dtype === 'float32' ? new Float32Array(size) : new Int32Array(size)) as TypedArrayOf<D>;
}

export function dtypeOfArray(array: TypedArray): DType {
  return array instanceof Int32Array ? 'int32' : 'float32';
}

export function toTypedArray(dtype: DType, values: ArrayLike<number>, where: string): TypedArray {
  if (dtype === 'float32') return values instanceof Float32Array ? values : Float32Array.from(values);
  if (values instanceof Int32Array) return values;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) {
      throw new CnnkitError('DTYPE_MISMATCH', `${where}: int32 tensor given the non-integer value ${v} at index ${i}`, { index: i, value: v });
    }
    out[i] = v;
  }
  return out;
}
