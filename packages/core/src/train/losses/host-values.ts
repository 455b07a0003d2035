import { CnnkitError } from '../../errors';
import { formatShape } from '../../tensor/shape';
import { Tensor } from '../../tensor/tensor';

/**
 * Reads small loss arguments (targets, class weights) on the host: they shape constant
 * coefficients and are checked before any op runs. Reading needs a synchronously readable tensor.
 */
export function hostArray(value: Tensor | ArrayLike<number>, where: string, what: string): ArrayLike<number> {
  if (!(value instanceof Tensor)) return value;
  try {
    return value.dataSync();
  } catch (cause) {
    throw new CnnkitError('ASYNC_READ_ONLY', `${where}: ${what} ${formatShape(value.shape)} on backend '${value.backend}' cannot be read synchronously; pass it as a host tensor (Tensor.from) or a typed array`, {}, { cause });
  }
}
