export { CheckedBackend, type CheckedBackendOptions, type NonFiniteInputPolicy, createBackend } from './checked-backend';
export { CHECKED_BACKEND_NAME } from './checked-tensor';
export { type OpTiming, formatTimings } from './timings';
