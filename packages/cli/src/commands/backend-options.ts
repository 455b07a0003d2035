import { type Backend, type BackendFactory, type BackendInfo, KNOWN_BACKENDS, createBackend, defaultBackendName } from '@cnnkit/core';
import { type OptionSpec, type ParsedOptions, stringOption } from '../args';
import { isCnnkitErrorLike } from '../errors';

export const BACKEND_OPTION: OptionSpec = {
  type: 'string',
  value: 'NAME',
  description: "backend: cpu, tfjs, onnxruntime or a backend package name (default: $CNNKIT_BACKEND, else 'cpu')",
};

export const DEVICE_OPTION: OptionSpec = {
  type: 'string',
  value: 'DEVICE',
  description: "device to ask the backend for: cpu, cuda, wasm, auto (default: the backend's choice)",
};

export function backendName(values: ParsedOptions): string {
  return stringOption(values, 'backend') ?? defaultBackendName();
}

/**
 * Backend packages the CLI itself depends on. Core resolves a backend package from the working
 * directory (the user's app) and then from core's own folder; neither finds the CLI's
 * dependencies when cnnkit runs from elsewhere, so the CLI falls back to its own copy.
 */
const BUNDLED: Readonly<Record<string, () => Promise<{ createBackend: BackendFactory }>>> = {
  '@cnnkit/backend-cpu': () => import('@cnnkit/backend-cpu'),
};

/** Creates the backend the options name; core's errors (unknown name, package missing) pass through. */
export async function openBackend(values: ParsedOptions): Promise<Backend> {
  const name = backendName(values);
  const device = stringOption(values, 'device');
  const options = device === undefined ? {} : { device };
  try {
    return await createBackend(name, options);
  } catch (error) {
    const bundled = BUNDLED[KNOWN_BACKENDS[name] ?? name];
    if (!bundled || !isCnnkitErrorLike(error, 'BACKEND_NOT_INSTALLED')) throw error;
    return (await bundled()).createBackend(options);
  }
}

/** One line: which backend, on which device really, and any fallback. */
export function infoLine(info: BackendInfo): string {
  const fallback = info.fallback ? ` (fell back: ${info.fallback})` : '';
  return `backend ${info.name} on ${info.device}${fallback}: ${info.description}`;
}

export function formatVersions(versions: Readonly<Record<string, string>>): string {
  const entries = Object.entries(versions);
  return entries.length ? entries.map(([k, v]) => `${k} ${v}`).join(', ') : '(none reported)';
}
