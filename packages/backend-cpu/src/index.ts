export { CpuBackend, createBackend } from './backend';
export { KERNELS } from './kernels';
export { CPU_BACKEND_NAME, cpuTensor } from './tensor';
