import type { Backend } from '../backend/backend';
import { engine } from '../eager/engine';
import { CnnkitError } from '../errors';
import { Tensor, type TensorValue } from '../tensor/tensor';

/**
 * Where module tensors are made. With an eager backend set they go straight onto it (training
 * needs them there: the tape follows tensor identity, and a host tensor would be re-uploaded as
 * a fresh copy by every op). Without one they stay on the host until `module.toBackend()`, like
 * a PyTorch module built on the CPU before `.to(device)`.
 */
export function currentBackend(): Backend | undefined {
  try {
    return engine.backend;
  } catch {
    return undefined;
  }
}

/** A module-owned tensor holding `value`, on the current eager backend if there is one. */
export function createModuleTensor(value: TensorValue): Tensor {
  return currentBackend() ? engine.keep(engine.upload(value)) : Tensor.fromValue(value);
}

/** A tensor holding `value` where `like` lives: the host stays host, anything else takes the current backend. */
export function placeLike(value: TensorValue, like: Tensor): Tensor {
  return like.backend === 'host' ? Tensor.fromValue(value) : createModuleTensor(value);
}

/** A copy of `t` on `backend` (read back to the host first, so any backend can be the source). */
export async function moveTo(t: Tensor, backend: Backend): Promise<Tensor> {
  if (!backend.fromHost) throw new CnnkitError('BACKEND_INVALID', `toBackend: backend '${backend.name}' cannot take host values (no fromHost)`);
  const value = await t.toValue();
  return engine.keep(backend.fromHost({ dtype: value.dtype, shape: value.shape, data: value.data.slice() }));
}
