export { CpuBackend, type CpuBackendOptions, createBackend } from './backend';
export type { GemmImplementation } from './gemm/gemm';
export { KERNELS } from './kernels';
export { CPU_BACKEND_NAME, cpuTensor } from './tensor';
