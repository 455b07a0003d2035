import { CnnkitError } from '../errors';
import type { DType } from '../tensor/dtype';
import { type StaticShape, formatShape } from '../tensor/shape';
import { Tensor, type TensorStorage } from '../tensor/tensor';

export const TRACE_BACKEND = 'trace';

/** What a placeholder stands for: the graph value it names, in which trace. */
export interface PlaceholderHandle {
  readonly value: string;
  readonly trace: string;
}

function unreadable(handle: PlaceholderHandle, dtype: DType, shape: StaticShape): CnnkitError {
  return new CnnkitError(
    'INVALID_ARGUMENT',
    `traceModule('${handle.trace}'): forward read the values of ${dtype} ${formatShape(shape)} '${handle.value}', a placeholder whose values are not computed while tracing; expected a forward whose ops do not depend on tensor values (data-dependent control flow cannot be traced into a graph)`,
    { trace: handle.trace, value: handle.value },
  );
}

/** A tensor of the 'trace' pseudo-backend: it has a type and a graph value name, never values. */
export function placeholderTensor(handle: PlaceholderHandle, dtype: DType, shape: StaticShape): Tensor {
  const storage: TensorStorage = {
    backend: TRACE_BACKEND,
    handle,
    read: () => Promise.reject(unreadable(handle, dtype, shape)),
    readSync: () => {
      throw unreadable(handle, dtype, shape);
    },
  };
  return new Tensor(shape, dtype, storage);
}
