import { CnnkitError, type DType, type Dim, type ValueInfo } from '@cnnkit/core';
import { DATA_TYPE, dataTypeName } from '../proto/enums';
import type { ValueInfoProto } from '../proto/types';

/**
 * A graph input's dtype and shape: FLOAT -> float32, INT64 / INT32 -> int32 (cnnkit's index
 * type; int64 noted); dim_param names stay symbolic dims, and a dim with neither value nor name
 * gets one ('<input>_dim<i>').
 */
export function inputInfo(v: ValueInfoProto, where: string, note: (message: string) => void): ValueInfo {
  const tensor = v.type?.tensorType;
  if (!tensor) throw new CnnkitError('UNSUPPORTED_OP', `${where}: has no tensor type; expected a tensor input (sequences, maps and optionals are not imported)`, { input: v.name });
  let dtype: DType;
  if (tensor.elemType === DATA_TYPE.FLOAT) dtype = 'float32';
  else if (tensor.elemType === DATA_TYPE.INT64 || tensor.elemType === DATA_TYPE.INT32) {
    dtype = 'int32';
    if (tensor.elemType === DATA_TYPE.INT64) note(`${where}: INT64 input imported as int32 (cnnkit's index type; values must fit in int32)`);
  } else {
    throw new CnnkitError('UNSUPPORTED_OP', `${where}: is ${dataTypeName(tensor.elemType)}; expected FLOAT, INT64 or INT32 (cnnkit graphs take float32 and int32 inputs)`, { input: v.name });
  }
  if (!tensor.shape) throw new CnnkitError('UNSUPPORTED_OP', `${where}: has no shape (not even a rank); expected its dims, with dim_param names for sizes known at run time`, { input: v.name });
  const shape: Dim[] = tensor.shape.dim.map((d, i) => {
    if (d.dimValue !== undefined) {
      if (!Number.isSafeInteger(d.dimValue) || d.dimValue < 0) throw new CnnkitError('IO', `${where}: dim ${i} is ${d.dimValue}; expected a size >= 0`);
      return d.dimValue;
    }
    return d.dimParam ? d.dimParam : `${v.name}_dim${i}`;
  });
  return { name: v.name, dtype, shape };
}
