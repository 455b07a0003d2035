import { existsSync } from 'node:fs';
import path from 'node:path';
import { CnnkitError } from '@cnnkit/core';
import { CUDA_INSTALL_HINT, cudaProviderLibraries, diagnoseCuda } from './cuda-diagnosis';
import { ORT_BACKEND_NAME, type OrtDevicePolicy } from './options';

export interface DeviceChoice {
  /** The device sessions really run on. */
  readonly device: 'cuda' | 'cpu';
  /** ORT's execution providers, in order of preference. */
  readonly executionProviders: readonly string[];
  /** Set when 'auto' fell back to cpu, saying why. */
  readonly fallback?: string;
}

/** Creates and runs a tiny session on the CUDA execution provider; throws ORT's error when it cannot. */
export type CudaProbe = () => Promise<void>;

const CPU: DeviceChoice = { device: 'cpu', executionProviders: ['cpu'] };
const CUDA: DeviceChoice = { device: 'cuda', executionProviders: ['cuda', 'cpu'] };

/**
 * Applies the device policy. ORT does not fall back by itself: a session asking for CUDA without
 * its libraries fails. 'cuda' is strict (an error naming what is missing and how to install it);
 * 'auto' tries CUDA and falls back to cpu, saying why. 'auto' asks ORT only when the CUDA
 * provider's libraries are there at all, since a failed load writes ORT's error log to stderr.
 */
export async function chooseDevice(policy: OrtDevicePolicy, binaryDir: string, probe: CudaProbe): Promise<DeviceChoice> {
  if (policy === 'cpu') return CPU;
  const installed = cudaProviderLibraries().every((lib) => existsSync(path.join(binaryDir, lib)));
  if (policy === 'auto' && !installed) {
    return { ...CPU, fallback: `device 'auto' fell back to cpu: ${diagnoseCuda(binaryDir).summary}; to use the GPU, ${CUDA_INSTALL_HINT}` };
  }
  try {
    await probe();
    return CUDA;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const diagnosis = diagnoseCuda(binaryDir, message);
    if (policy === 'auto') return { ...CPU, fallback: `device 'auto' fell back to cpu: ${diagnosis.summary}` };
    throw new CnnkitError(
      'DEVICE_UNAVAILABLE',
      `backend '${ORT_BACKEND_NAME}' was asked for device 'cuda', but ${diagnosis.summary}. To run on the GPU, ${CUDA_INSTALL_HINT}; or ask for device 'auto' (falls back to cpu) or 'cpu'`,
      { device: 'cuda', missing: [...diagnosis.missing], ortError: message },
      { cause: error },
    );
  }
}
