// Test support, not exported: the smallest eager backend a data loader needs. Loaders only upload
// host arrays (F.tensor -> backend.fromHost), so a backend that keeps them as host tensors shows
// exactly what the batches hold; @cnnkit/backend-cpu is not a dependency of this package.
import { type Backend, CnnkitError, Tensor } from '@cnnkit/core';

export const hostTestBackend: Backend = {
  name: 'host',
  capabilities: { training: false, eager: true, devices: ['cpu'], dtypes: ['float32', 'int32'], ops: [] },
  info: async () => ({ name: 'host', device: 'cpu', description: 'host arrays for data-loader tests', versions: {} }),
  compile: async () => {
    throw new CnnkitError('UNSUPPORTED_OP', 'host test backend: compile is not supported (it only holds uploaded batches)');
  },
  fromHost: (value) => Tensor.fromValue(value),
  kernels: {},
};
