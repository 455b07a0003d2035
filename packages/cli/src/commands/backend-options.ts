import { type Backend, type BackendInfo, createBackend, defaultBackendName } from '@cnnkit/core';
import { type OptionSpec, type ParsedOptions, stringOption } from '../args';

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
 * Creates the backend the options name. Backend packages resolve from the working directory
 * (the user's app) first, then from beside the CLI, so the backends the CLI ships with work
 * wherever cnnkit runs; core's errors (unknown name, package missing) pass through.
 */
export async function openBackend(values: ParsedOptions): Promise<Backend> {
  const device = stringOption(values, 'device');
  return createBackend(backendName(values), device === undefined ? {} : { device }, { resolveFrom: [import.meta.url] });
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
