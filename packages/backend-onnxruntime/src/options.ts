import { type BackendOptions, CnnkitError } from '@cnnkit/core';

export const ORT_BACKEND_NAME = 'onnxruntime';

/** 'cuda' insists on the CUDA execution provider; 'auto' tries it and falls back to cpu, saying so in info(). */
export type OrtDevicePolicy = 'cuda' | 'cpu' | 'auto';
export type GraphOptimizationLevel = 'disabled' | 'basic' | 'extended' | 'layout' | 'all';

export interface OnnxRuntimeBackendOptions extends BackendOptions {
  /** Default 'auto'. */
  readonly device?: OrtDevicePolicy;
  /** Threads one op may use (ORT's intra-op pool); default ORT's own choice (the physical cores). */
  readonly intraOpNumThreads?: number;
  /** Threads across independent ops; only used by ORT's parallel execution mode. */
  readonly interOpNumThreads?: number;
  /** ORT's graph optimisations before running; default 'all'. */
  readonly graphOptimizationLevel?: GraphOptimizationLevel;
  /** Sessions no executable uses any more that stay cached for a later compile of the same graph; default 4. */
  readonly maxIdleSessions?: number;
  /**
   * Fold each batchNorm that follows a convolution into its weight and bias when exporting, as
   * torch.onnx.export does in eval mode (equal to float32 rounding, one node fewer per pair);
   * default true. false runs the graph's batchNorms as ONNX BatchNormalization nodes.
   */
  readonly foldBatchNorm?: boolean;
}

export interface ResolvedOptions {
  readonly device: OrtDevicePolicy;
  readonly intraOpNumThreads?: number;
  readonly interOpNumThreads?: number;
  readonly graphOptimizationLevel: GraphOptimizationLevel;
  readonly maxIdleSessions: number;
  readonly foldBatchNorm: boolean;
}

const DEVICES: readonly OrtDevicePolicy[] = ['cuda', 'cpu', 'auto'];
const LEVELS: readonly GraphOptimizationLevel[] = ['disabled', 'basic', 'extended', 'layout', 'all'];
const KNOWN = ['device', 'intraOpNumThreads', 'interOpNumThreads', 'graphOptimizationLevel', 'maxIdleSessions', 'foldBatchNorm'];

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CnnkitError('INVALID_ARGUMENT', `backend '${ORT_BACKEND_NAME}' option ${name}: given ${JSON.stringify(value)}; expected one of ${allowed.map((a) => `'${a}'`).join(', ')}`, { option: name, given: value });
}

function count(name: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  throw new CnnkitError('INVALID_ARGUMENT', `backend '${ORT_BACKEND_NAME}' option ${name}: given ${JSON.stringify(value)}; expected an integer >= ${min}`, { option: name, given: value });
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new CnnkitError('INVALID_ARGUMENT', `backend '${ORT_BACKEND_NAME}' option ${name}: given ${JSON.stringify(value)}; expected true or false`, { option: name, given: value });
}

/** Checks the options a user gave (typos included: an unknown option is an error, not ignored). */
export function resolveOptions(options: BackendOptions = {}): ResolvedOptions {
  const unknown = Object.keys(options).filter((k) => !KNOWN.includes(k) && options[k] !== undefined);
  if (unknown.length > 0) {
    throw new CnnkitError('INVALID_ARGUMENT', `backend '${ORT_BACKEND_NAME}' was given unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected any of ${KNOWN.join(', ')}`, { unknown });
  }
  const intra = count('intraOpNumThreads', options.intraOpNumThreads, 1);
  const inter = count('interOpNumThreads', options.interOpNumThreads, 1);
  return {
    device: oneOf('device', options.device, DEVICES, 'auto'),
    ...(intra !== undefined ? { intraOpNumThreads: intra } : {}),
    ...(inter !== undefined ? { interOpNumThreads: inter } : {}),
    graphOptimizationLevel: oneOf('graphOptimizationLevel', options.graphOptimizationLevel, LEVELS, 'all'),
    maxIdleSessions: count('maxIdleSessions', options.maxIdleSessions, 0) ?? 4,
    foldBatchNorm: flag('foldBatchNorm', options.foldBatchNorm, true),
  };
}
