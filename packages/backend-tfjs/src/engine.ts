import { type DeviceKind, CnnkitError } from '@cnnkit/core';

/** Which TensorFlow.js engine runs the kernels; 'auto' picks tensorflow, else wasm, else cpu. */
export type EngineChoice = 'tensorflow' | 'wasm' | 'cpu' | 'auto';
export type EngineName = Exclude<EngineChoice, 'auto'>;
/** 'gpu' (alias 'cuda') is strict; 'auto' takes the GPU when one is really in use, else says why not. */
export type DeviceRequest = 'gpu' | 'cuda' | 'cpu' | 'auto';

export const ENGINE_CHOICES: readonly EngineChoice[] = ['tensorflow', 'wasm', 'cpu', 'auto'];
export const DEVICE_REQUESTS: readonly DeviceRequest[] = ['gpu', 'cuda', 'cpu', 'auto'];

export const TFJS_NODE = '@tensorflow/tfjs-node';
export const TFJS_NODE_GPU = '@tensorflow/tfjs-node-gpu';
export type TensorflowPackage = typeof TFJS_NODE | typeof TFJS_NODE_GPU;

/** What loading a tensorflow package told us; `usingGpu` is read from the running binding. */
export type TensorflowLoad =
  | { readonly ok: true; readonly packageName: TensorflowPackage; readonly version: string; readonly usingGpu: boolean; readonly tfBackend: string }
  | { readonly ok: false; readonly packageName: TensorflowPackage; readonly missing: boolean; readonly reason: string };

export type PlainLoad =
  | { readonly ok: true; readonly version: string; readonly tfBackend: string }
  | { readonly ok: false; readonly reason: string };

/**
 * How engines are loaded and initialised. The default (src/engine-loader.ts) imports the real
 * packages; tests inject fakes to exercise the decisions without tfjs-node installed.
 */
export interface EngineLoader {
  loadTensorflow(packageName: TensorflowPackage): Promise<TensorflowLoad>;
  loadWasm(): Promise<PlainLoad>;
  loadCpu(): Promise<PlainLoad>;
}

/** The engine this backend really runs on, decided once at creation. */
export interface ResolvedEngine {
  readonly engine: EngineName;
  /** The name tfjs registered the engine under (tf.getBackend() while it is active). */
  readonly tfBackend: string;
  readonly device: DeviceKind;
  /** Devices this backend instance can report: what capabilities.devices declares. */
  readonly devices: readonly DeviceKind[];
  readonly packageName?: TensorflowPackage;
  readonly versions: Readonly<Record<string, string>>;
  /** Set when something asked for was not what runs, saying why. */
  readonly fallback?: string;
}

export interface EngineOptions {
  readonly engine?: unknown;
  readonly device?: unknown;
}

const INSTALL_HINT = `install one next to @cnnkit/backend-tfjs: 'npm install ${TFJS_NODE}' (CPU) or 'npm install ${TFJS_NODE_GPU}' (CUDA 11.2 + cuDNN 8.1)`;
const GPU_LIBS_HINT = `${TFJS_NODE_GPU} runs on the CPU when it cannot load CUDA 11.2 / cuDNN 8.1 (or sees no GPU); check that those libraries are on the library path (LD_LIBRARY_PATH) and the GPU is visible (nvidia-smi, CUDA_VISIBLE_DEVICES)`;

function pick<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (value === undefined) return 'auto' as T;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CnnkitError('INVALID_ARGUMENT', `backend 'tfjs': ${what} ${JSON.stringify(value)} is not one of ${allowed.map((a) => `'${a}'`).join(', ')}`, { [what]: value });
}

function notInstalledReason(load: TensorflowLoad & { ok: false }): string {
  return load.missing ? `${load.packageName} is not installed` : `${load.packageName} is installed but failed to load: ${load.reason}`;
}

function tensorflowResolved(load: TensorflowLoad & { ok: true }, device: DeviceKind, fallback?: string): ResolvedEngine {
  return {
    engine: 'tensorflow',
    tfBackend: load.tfBackend,
    device,
    devices: load.packageName === TFJS_NODE_GPU ? ['cuda', 'cpu'] : ['cpu'],
    packageName: load.packageName,
    versions: { [load.packageName]: load.version },
    ...(fallback !== undefined ? { fallback } : {}),
  };
}

/**
 * Loads tfjs-node-gpu / tfjs-node by the device policy. Returns undefined when neither package is
 * usable and `strictInstall` is false (engine 'auto' then moves on to wasm), with the reasons.
 */
async function resolveTensorflow(device: DeviceRequest, loader: EngineLoader, strictInstall: boolean, reasons: string[]): Promise<ResolvedEngine | undefined> {
  const wantsGpu = device === 'gpu' || device === 'cuda';
  // device 'cpu' prefers the CPU package; the GPU package is the one that can find a GPU.
  const order: TensorflowPackage[] = wantsGpu ? [TFJS_NODE_GPU] : device === 'cpu' ? [TFJS_NODE, TFJS_NODE_GPU] : [TFJS_NODE_GPU, TFJS_NODE];
  for (const pkg of order) {
    const load = await loader.loadTensorflow(pkg);
    if (!load.ok) {
      reasons.push(notInstalledReason(load));
      continue;
    }
    if (load.usingGpu) {
      if (device === 'cpu') {
        throw new CnnkitError('DEVICE_UNAVAILABLE', `backend 'tfjs' was asked for device 'cpu' but ${pkg} is running on a GPU; install ${TFJS_NODE}, or hide the GPU with CUDA_VISIBLE_DEVICES='' before the process starts`, { device, package: pkg });
      }
      return tensorflowResolved(load, 'cuda');
    }
    if (pkg === TFJS_NODE_GPU) {
      const why = `${pkg} loaded but is running on the CPU: ${GPU_LIBS_HINT}`;
      if (wantsGpu) throw new CnnkitError('DEVICE_UNAVAILABLE', `backend 'tfjs' was asked for device '${device}' (strict): ${why}`, { device, package: pkg });
      return tensorflowResolved(load, 'cpu', device === 'auto' ? `asked for device 'auto': ${why}` : undefined);
    }
    // tfjs-node: CPU by construction. Under device 'auto' say why the GPU package was not used.
    return tensorflowResolved(load, 'cpu', device === 'auto' && reasons.length > 0 ? `asked for device 'auto': ${reasons.join('; ')}; running ${pkg} on the CPU` : undefined);
  }
  if (wantsGpu) {
    throw new CnnkitError('DEVICE_UNAVAILABLE', `backend 'tfjs' was asked for device '${device}' (strict), which needs ${TFJS_NODE_GPU}: ${reasons.join('; ')}. Install it with 'npm install ${TFJS_NODE_GPU}' (CUDA 11.2 + cuDNN 8.1), or ask for device 'auto'`, { device, package: TFJS_NODE_GPU });
  }
  if (strictInstall) {
    throw new CnnkitError('BACKEND_NOT_INSTALLED', `backend 'tfjs' engine 'tensorflow' needs ${TFJS_NODE} or ${TFJS_NODE_GPU}: ${reasons.join('; ')}. ${INSTALL_HINT[0]!.toUpperCase()}${INSTALL_HINT.slice(1)}; or use engine 'wasm' or 'cpu', which need nothing else`, { engine: 'tensorflow', packages: order });
  }
  return undefined;
}

async function resolvePlain(engine: 'wasm' | 'cpu', loader: EngineLoader, reasons: string[]): Promise<ResolvedEngine | undefined> {
  const load = engine === 'wasm' ? await loader.loadWasm() : await loader.loadCpu();
  if (!load.ok) {
    reasons.push(`engine '${engine}' failed to initialise: ${load.reason}`);
    return undefined;
  }
  const device: DeviceKind = engine === 'wasm' ? 'wasm' : 'cpu';
  return { engine, tfBackend: load.tfBackend, device, devices: [device], versions: { [`@tensorflow/tfjs-backend-${engine}`]: load.version } };
}

/**
 * Decides which engine and device run, by the rules of the design: 'tensorflow' uses
 * tfjs-node-gpu (CUDA) or tfjs-node; 'auto' picks tensorflow, else wasm, else cpu. A GPU asked for
 * strictly ('gpu' / 'cuda') but not really in use is an error; under 'auto' the backend falls back
 * and says so in `fallback`. The wasm engine reports device 'wasm' (WebAssembly on the CPU).
 */
export async function resolveEngine(options: EngineOptions, loader: EngineLoader): Promise<ResolvedEngine> {
  const engine = pick(options.engine, ENGINE_CHOICES, 'engine');
  const device = pick(options.device, DEVICE_REQUESTS, 'device');
  const wantsGpu = device === 'gpu' || device === 'cuda';
  const reasons: string[] = [];

  if (engine === 'tensorflow') return (await resolveTensorflow(device, loader, true, reasons))!;
  if (engine === 'wasm' || engine === 'cpu') {
    if (wantsGpu) {
      throw new CnnkitError('DEVICE_UNAVAILABLE', `backend 'tfjs' engine '${engine}' runs on the CPU${engine === 'wasm' ? ' (WebAssembly)' : ''}; it was asked for device '${device}'. For a GPU use engine 'tensorflow' with ${TFJS_NODE_GPU}`, { engine, device });
    }
    const resolved = await resolvePlain(engine, loader, reasons);
    if (!resolved) throw new CnnkitError('BACKEND_NOT_INSTALLED', `backend 'tfjs': ${reasons.join('; ')}`, { engine });
    return resolved;
  }

  // engine 'auto'
  const tensorflow = await resolveTensorflow(device, loader, false, reasons);
  if (tensorflow) return tensorflow;
  for (const next of ['wasm', 'cpu'] as const) {
    const resolved = await resolvePlain(next, loader, reasons);
    if (resolved) return { ...resolved, fallback: `engine 'auto' chose '${next}': ${reasons.join('; ')} (${INSTALL_HINT} for native speed)` };
  }
  throw new CnnkitError('BACKEND_NOT_INSTALLED', `backend 'tfjs' engine 'auto' found no engine that works: ${reasons.join('; ')}`, { engine });
}
