import { type Backend, type BackendInfo, CnnkitError } from '@cnnkit/core';

/**
 * Asserts that a backend really runs where it says: `info().device` must be one of its declared
 * devices and, when the caller expects a device, that one. tfjs-node-gpu and ONNX Runtime in
 * 'auto' mode fall back to the CPU quietly; a suite that passed on the fallback would prove
 * nothing about the GPU path, so a mismatch fails the whole suite.
 */
export async function checkDevice(backend: Backend, expectDevice?: string): Promise<BackendInfo> {
  const info = await backend.info();
  const declared = backend.capabilities.devices;
  const fallback = info.fallback ? `; info().fallback says: ${info.fallback}` : '';
  if (expectDevice !== undefined && info.device !== expectDevice) {
    throw new CnnkitError(
      'DEVICE_UNAVAILABLE',
      `backend '${backend.name}' was expected to run on device '${expectDevice}' but info() reports device '${info.device}'${fallback}`,
      { backend: backend.name, expected: expectDevice, actual: info.device, ...(info.fallback ? { fallback: info.fallback } : {}) },
    );
  }
  if (!declared.includes(info.device)) {
    throw new CnnkitError(
      'DEVICE_UNAVAILABLE',
      `backend '${backend.name}' reports device '${info.device}' from info(), which is not one of its declared capabilities.devices [${declared.join(', ')}]${fallback}`,
      { backend: backend.name, actual: info.device, declared: [...declared] },
    );
  }
  return info;
}
