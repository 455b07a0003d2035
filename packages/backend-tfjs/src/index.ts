export { TfjsBackend, type TfjsBackendOptions, createBackend } from './backend';
export {
  DEVICE_REQUESTS, type DeviceRequest, ENGINE_CHOICES, type EngineChoice, type EngineLoader, type EngineName, type PlainLoad, type ResolvedEngine,
  TFJS_NODE, TFJS_NODE_GPU, type TensorflowLoad, type TensorflowPackage, resolveEngine,
} from './engine';
export { defaultEngineLoader } from './engine-loader';
export { TF_KERNELS } from './kernels';
export type { TfKernel, TfKernelTable } from './kernels/tf-kernel';
export { unwrapTf, wrapTf } from './tensor';
