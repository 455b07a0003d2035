import { type StaticShape, type Tensor as TensorT, type TensorValue, type TypedArray, CnnkitError, Tensor, dtypeOfArray, formatShape, hostStorage } from '@cnnkit/core';

export const CPU_BACKEND_NAME = 'cpu';

/** A cpu tensor: the handle is the Float32Array / Int32Array itself, row-major. */
export function cpuTensor(data: TypedArray, shape: StaticShape): TensorT {
  return new Tensor(shape, dtypeOfArray(data), hostStorage(data, CPU_BACKEND_NAME));
}

export function fromHost(value: TensorValue): TensorT {
  return cpuTensor(value.data, value.shape);
}

/** The values of a cpu tensor. Kernels only ever see cpu tensors: the interpreter uploads feeds. */
export function values(t: TensorT): TypedArray {
  if (t.backend !== CPU_BACKEND_NAME && t.backend !== 'host') {
    throw new CnnkitError('INVALID_ARGUMENT', `cpu kernel given a tensor ${formatShape(t.shape)} from backend '${t.backend}'; expected a cpu tensor`);
  }
  return t.dataSync();
}

export function f32(t: TensorT): Float32Array {
  const v = values(t);
  if (!(v instanceof Float32Array)) throw new CnnkitError('DTYPE_MISMATCH', `cpu kernel given an ${t.dtype} tensor ${formatShape(t.shape)}; expected float32`);
  return v;
}

export function i32(t: TensorT): Int32Array {
  const v = values(t);
  if (!(v instanceof Int32Array)) throw new CnnkitError('DTYPE_MISMATCH', `cpu kernel given a ${t.dtype} tensor ${formatShape(t.shape)}; expected int32`);
  return v;
}
