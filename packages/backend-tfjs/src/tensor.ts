import { type DType, type Tensor as TensorT, type TensorValue, type TypedArray, CnnkitError, Tensor, formatShape } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';

/** Every backend of this package names itself 'tfjs-<engine>'; its tensors carry that name. */
export function isTfjsBackendName(name: string): boolean {
  return name.startsWith('tfjs-');
}

function asDType(t: tf.Tensor, where: string): DType {
  if (t.dtype === 'float32' || t.dtype === 'int32') return t.dtype;
  throw new CnnkitError('DTYPE_MISMATCH', `${where}: tfjs produced a ${t.dtype} tensor ${formatShape(t.shape)}; cnnkit tensors are float32 or int32`, { dtype: t.dtype });
}

/**
 * A cnnkit Tensor over a tf.Tensor: the handle is the tf.Tensor, reads go through tfjs (async
 * `data()`, sync `dataSync()` which the cpu, wasm and tensorflow engines all support) and dispose
 * releases the tfjs memory.
 */
export function wrapTf(backend: string, t: tf.Tensor, where = backend): TensorT {
  const dtype = asDType(t, where);
  return new Tensor(t.shape, dtype, {
    backend,
    handle: t,
    read: async () => (await t.data()) as TypedArray,
    readSync: () => t.dataSync() as TypedArray,
    dispose: () => t.dispose(),
  });
}

/** The tf.Tensor inside a tensor of this package. */
export function unwrapTf(t: TensorT, where: string): tf.Tensor {
  const handle = t.handle;
  if (!isTfjsBackendName(t.backend) || !(handle instanceof tf.Tensor)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: given a tensor ${formatShape(t.shape)} from backend '${t.backend}'; expected a tensor of a tfjs backend`, { backend: t.backend });
  }
  return handle;
}

/** Uploads host values as they are (NCHW stays NCHW: kernels convert where tfjs wants NHWC). */
export function tfFromHost(value: TensorValue): tf.Tensor {
  return tf.tensor(value.data, [...value.shape], value.dtype);
}
