import { type DType, type Tensor as CoreTensor, type TensorStorage, type TypedArray, CnnkitError, Tensor, formatShape, hostStorage } from '@cnnkit/core';
import { ORT_BACKEND_NAME } from './options';
import { type OrtTensor, ort } from './ort';

/** An ort.Tensor of this backend inside a core Tensor, or undefined. */
function ortHandle(t: CoreTensor): OrtTensor | undefined {
  return t.backend === ORT_BACKEND_NAME && t.handle instanceof ort.Tensor ? t.handle : undefined;
}

/**
 * A feed for ORT: a tensor this backend made is passed as it is, synchronously (no promise, so a
 * run fed by fromHost tensors costs no extra microtask hop); any other (host, cpu, tfjs) is read
 * and wrapped without a copy (ORT reads the typed array in place for the run).
 */
export function toOrtTensor(t: CoreTensor): OrtTensor | Promise<OrtTensor> {
  return ortHandle(t) ?? readIntoOrt(t);
}

async function readIntoOrt(t: CoreTensor): Promise<OrtTensor> {
  const data = await t.data();
  return t.dtype === 'int32'
    ? new ort.Tensor('int32', data as Int32Array, [...t.shape])
    : new ort.Tensor('float32', data as Float32Array, [...t.shape]);
}

/** An ort.Tensor as a core tensor's storage: reads return its data, dispose disposes it (methods, not four closures a tensor). */
class OrtStorage implements TensorStorage {
  readonly backend = ORT_BACKEND_NAME;
  constructor(readonly handle: OrtTensor) {}

  read(): Promise<TypedArray> {
    return Promise.resolve(this.handle.data as TypedArray);
  }

  readSync(): TypedArray {
    return this.handle.data as TypedArray;
  }

  dispose(): void {
    // A tensor on the CPU holds nothing ORT frees: its values are a typed array the collector
    // takes. ort.Tensor.dispose() would only blank its fields, and blanking them changes the
    // object's shape under every later ORT call that reads tensors (~2 µs a LeNet-5 run).
    if (this.handle.location !== 'cpu') this.handle.dispose();
  }
}

/** A core tensor whose storage is the ort.Tensor. */
function wrapOrt(o: OrtTensor, shape: readonly number[], dtype: DType): CoreTensor {
  return new Tensor(shape, dtype, new OrtStorage(o));
}

/** int64 values (ONNX's index type) as int32, refusing any that do not fit. */
function int64ToInt32(data: BigInt64Array, where: string): Int32Array {
  const out = new Int32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v > 2147483647n || v < -2147483648n) {
      throw new CnnkitError('BACKEND_INVALID', `${where}: int64 value ${v} at index ${i} does not fit int32; expected int32 indices`);
    }
    out[i] = Number(v);
  }
  return out;
}

/**
 * A core tensor over an ORT output. The values stay in the ort.Tensor: reading returns its data,
 * disposing disposes it. An int64 output (what ONNX index ops produce) is converted to int32 at once.
 */
export function fromOrtTensor(o: OrtTensor, expected: DType, where: string): CoreTensor {
  // Tensor copies the shape; ORT's dims are numbers already.
  const shape = o.dims;
  if (o.type === 'int64' && expected === 'int32') {
    const data = int64ToInt32(o.data as BigInt64Array, where);
    o.dispose();
    return new Tensor(shape, 'int32', hostStorage(data, ORT_BACKEND_NAME));
  }
  if (o.type !== expected) {
    o.dispose();
    throw new CnnkitError('BACKEND_INVALID', `${where}: ONNX Runtime returned ${o.type} ${formatShape(shape)}; expected ${expected}`, { given: o.type, expected });
  }
  return wrapOrt(o, shape, expected);
}

/** A tensor of this backend from host values (fromHost). */
export function ortTensorFromHost(value: { readonly dtype: DType; readonly shape: readonly number[]; readonly data: TypedArray }): CoreTensor {
  const o = value.dtype === 'int32'
    ? new ort.Tensor('int32', value.data as Int32Array, [...value.shape])
    : new ort.Tensor('float32', value.data as Float32Array, [...value.shape]);
  return wrapOrt(o, value.shape, value.dtype);
}
