export { OnnxRuntimeBackend, createBackend } from './backend';
export type { GraphOptimizationLevel, OnnxRuntimeBackendOptions, OrtDevicePolicy } from './options';
export { ORT_BACKEND_NAME } from './options';
export { ORT_OPS } from './supported-ops';
