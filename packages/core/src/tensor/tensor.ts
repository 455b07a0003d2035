import { CnnkitError } from '../errors';
import { type DType, type TypedArray, allocate, dtypeOfArray, toTypedArray } from './dtype';
import { type StaticShape, assertValidShape, formatShape, sizeOf } from './shape';

/**
 * Where a tensor's values live. The handle is the backend's own object (a Float32Array for cpu,
 * a tf.Tensor for tfjs, an ort.Tensor for ONNX Runtime), so data stays where the backend keeps
 * it until somebody reads it. `readSync` is optional: some backends can only read asynchronously.
 */
export interface TensorStorage {
  readonly backend: string;
  readonly handle: unknown;
  read(): Promise<TypedArray>;
  readSync?(): TypedArray;
  dispose?(): void;
}

/** Plain host values: what graphs carry as initializers and what conformance cases are made of. */
export interface TensorValue {
  readonly dtype: DType;
  readonly shape: StaticShape;
  readonly data: TypedArray;
}

export function hostStorage(array: TypedArray, backend = 'host'): TensorStorage {
  return { backend, handle: array, read: async () => array, readSync: () => array };
}

export class Tensor {
  readonly shape: StaticShape;
  readonly dtype: DType;
  readonly size: number;
  #storage: TensorStorage | undefined;

  constructor(shape: StaticShape, dtype: DType, storage: TensorStorage) {
    assertValidShape(shape, 'Tensor');
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.size = sizeOf(shape);
    this.#storage = storage;
  }

  /** A host tensor over `values` (copied only when a conversion is needed). */
  static from(values: ArrayLike<number> | TypedArray, shape: StaticShape, dtype?: DType): Tensor {
    const dt = dtype ?? (values instanceof Int32Array ? 'int32' : 'float32');
    const where = `Tensor.from(shape ${formatShape(shape)}, ${dt})`;
    assertValidShape(shape, where);
    const size = sizeOf(shape);
    if (values.length !== size) {
      throw new CnnkitError('SHAPE_MISMATCH', `${where}: given ${values.length} values; expected ${size}`, { shape, length: values.length });
    }
    return new Tensor(shape, dt, hostStorage(toTypedArray(dt, values, where)));
  }

  static fromValue(value: TensorValue): Tensor {
    return Tensor.from(value.data, value.shape, value.dtype);
  }

  static zeros(shape: StaticShape, dtype: DType = 'float32'): Tensor {
    return new Tensor(shape, dtype, hostStorage(allocate(dtype, sizeOf(shape))));
  }

  get rank(): number {
    return this.shape.length;
  }

  get backend(): string {
    return this.storage.backend;
  }

  /** The backend's own object; only the backend that made it should look inside. */
  get handle(): unknown {
    return this.storage.handle;
  }

  get isDisposed(): boolean {
    return this.#storage === undefined;
  }

  /**
   * The values, in row-major order. Treat the array as read-only: it may be the backend's buffer.
   * Not an async function: the storage's own promise is returned as it is (one promise a read, not
   * two); errors still arrive as a rejection.
   */
  data(): Promise<TypedArray> {
    try {
      return this.storage.read();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  dataSync(): TypedArray {
    const storage = this.storage;
    if (!storage.readSync) {
      throw new CnnkitError('ASYNC_READ_ONLY', `Tensor ${formatShape(this.shape)} lives on backend '${storage.backend}', which can only be read asynchronously; use await tensor.data()`, { backend: storage.backend });
    }
    return storage.readSync();
  }

  async toValue(): Promise<TensorValue> {
    const data = await this.data();
    if (dtypeOfArray(data) !== this.dtype) {
      throw new CnnkitError('DTYPE_MISMATCH', `Tensor ${formatShape(this.shape)}: backend '${this.backend}' returned ${dtypeOfArray(data)} data for a ${this.dtype} tensor`);
    }
    return { dtype: this.dtype, shape: this.shape, data };
  }

  dispose(): void {
    this.#storage?.dispose?.();
    this.#storage = undefined;
  }

  toString(): string {
    return `Tensor(${this.dtype}, ${formatShape(this.shape)}, ${this.isDisposed ? 'disposed' : this.backend})`;
  }

  private get storage(): TensorStorage {
    if (!this.#storage) throw new CnnkitError('DISPOSED', `Tensor ${this.dtype} ${formatShape(this.shape)} was used after dispose()`);
    return this.#storage;
  }
}
