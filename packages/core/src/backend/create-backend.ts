import { CnnkitError } from '../errors';
import type { Backend, BackendFactory, BackendOptions } from './backend';

/** Short names a user can give instead of a package name. */
export const KNOWN_BACKENDS: Readonly<Record<string, string>> = {
  cpu: '@cnnkit/backend-cpu',
  tfjs: '@cnnkit/backend-tfjs',
  onnxruntime: '@cnnkit/backend-onnxruntime',
  ort: '@cnnkit/backend-onnxruntime',
};

const registry = new Map<string, BackendFactory>();

/** Registers a factory under a name, for backends that are not separate packages (tests, apps). */
export function registerBackend(name: string, factory: BackendFactory): void {
  registry.set(name, factory);
}

export function unregisterBackend(name: string): void {
  registry.delete(name);
}

export function registeredBackends(): string[] {
  return [...registry.keys()];
}

/** The backend named by CNNKIT_BACKEND, else the fallback. */
export function defaultBackendName(fallback = 'cpu'): string {
  const env = typeof process !== 'undefined' ? process.env.CNNKIT_BACKEND : undefined;
  return env && env.trim() ? env.trim() : fallback;
}

function knownList(): string {
  const short = Object.entries(KNOWN_BACKENDS).map(([k, v]) => `'${k}' (${v})`);
  return [...short, ...registeredBackends().map((r) => `'${r}' (registered)`)].join(', ');
}

function isModuleNotFound(error: unknown, specifier: string): boolean {
  const e = error as { code?: string; message?: string } | null;
  return !!e && (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)|Failed to load url/.test(e.message ?? '')) && (e.message ?? '').includes(specifier);
}

export interface BackendLoadOptions {
  /**
   * Where else to resolve backend packages from (file paths or file: URLs, e.g. a tool's own
   * `import.meta.url`), after the working directory and before core's own location.
   */
  readonly resolveFrom?: readonly (string | URL)[];
}

/** Imports a package as the application would: from the working directory, then `resolveFrom`, then core. */
async function importPackage(specifier: string, resolveFrom: readonly (string | URL)[]): Promise<Record<string, unknown>> {
  const { createRequire } = await import('node:module');
  const { pathToFileURL } = await import('node:url');
  for (const base of [`${process.cwd()}/`, ...resolveFrom]) {
    let resolved: string;
    try {
      resolved = createRequire(base).resolve(specifier);
    } catch (error) {
      if (isModuleNotFound(error, specifier)) continue;
      throw error;
    }
    return (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  }
  return (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
}

/**
 * Creates a backend by short name ('cpu', 'tfjs', 'onnxruntime'), package name, or registered
 * name. The name defaults to CNNKIT_BACKEND, then 'cpu', so a deployment swaps backends by
 * configuration alone.
 */
export async function createBackend(name: string = defaultBackendName(), options: BackendOptions = {}, load: BackendLoadOptions = {}): Promise<Backend> {
  const registered = registry.get(name);
  if (registered) return registered(options);
  const specifier = KNOWN_BACKENDS[name] ?? (name.startsWith('@') || name.includes('backend') ? name : undefined);
  if (!specifier) {
    throw new CnnkitError('UNKNOWN_BACKEND', `unknown backend '${name}'; expected one of ${knownList()}, or the name of a backend package. Install one with e.g. 'npm install @cnnkit/backend-cpu'`, { name });
  }
  let mod: Record<string, unknown>;
  try {
    mod = await importPackage(specifier, load.resolveFrom ?? []);
  } catch (error) {
    if (isModuleNotFound(error, specifier)) {
      throw new CnnkitError('BACKEND_NOT_INSTALLED', `backend '${name}' needs the package ${specifier}, which is not installed; install it with 'npm install ${specifier}' (or pnpm add / yarn add). Known backends: ${knownList()}`, { name, package: specifier }, { cause: error });
    }
    throw error;
  }
  const factory = (mod.createBackend ?? (mod.default as Record<string, unknown> | undefined)?.createBackend) as BackendFactory | undefined;
  if (typeof factory !== 'function') {
    throw new CnnkitError('BACKEND_INVALID', `package ${specifier} does not export createBackend(options); expected a cnnkit backend package`, { package: specifier });
  }
  return factory(options);
}
