import { readFile } from 'node:fs/promises';
import { type BackendOptions, CnnkitError } from '@cnnkit/core';

export interface BackendChoice {
  readonly name: string;
  readonly options: BackendOptions;
}

/**
 * The backends to run, from configuration only: $CNNKIT_BACKEND (one backend, e.g. 'tfjs') wins,
 * else the JSON file's "backends" list. Validated, so a typo names itself instead of failing later.
 */
export async function readBackendChoices(file: string, env: NodeJS.ProcessEnv = process.env): Promise<BackendChoice[]> {
  const fromEnv = env['CNNKIT_BACKEND'];
  if (fromEnv) return [{ name: fromEnv, options: {} }];
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CnnkitError('IO', `cannot read the backend configuration '${file}': ${(error as Error).message}; expected JSON like {"backends": [{"name": "cpu"}]}`);
  }
  const list = (json as { backends?: unknown }).backends;
  if (!Array.isArray(list) || list.length === 0) {
    throw new CnnkitError('INVALID_ARGUMENT', `${file}: "backends" is ${JSON.stringify(list)}; expected a non-empty list of {"name": ..., "options": {...}}`);
  }
  return list.map((entry: unknown, i: number) => {
    const e = entry as { name?: unknown; options?: unknown };
    if (typeof e.name !== 'string' || (e.options !== undefined && (typeof e.options !== 'object' || e.options === null))) {
      throw new CnnkitError('INVALID_ARGUMENT', `${file}: backends[${i}] is ${JSON.stringify(entry)}; expected {"name": "cpu" | "tfjs" | "onnxruntime" | a package name, "options": {...} (optional)}`);
    }
    return { name: e.name, options: (e.options ?? {}) as BackendOptions };
  });
}
