import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Imports `specifier` as seen from the installed package `via` (e.g. tfjs-core from
 * @cnnkit/backend-tfjs): the CLI does not depend on these packages itself, and loading the very
 * copy cnnkit's backend uses means both run on one engine registry. Returns the module and the
 * package's version.
 */
export async function importPeer<T>(specifier: string, via: string): Promise<{ module: T; version: string }> {
  const viaManifest = createRequire(import.meta.url).resolve(`${via}/package.json`);
  const requireFromVia = createRequire(viaManifest);
  const entry = requireFromVia.resolve(specifier);
  const module = (await import(/* @vite-ignore */ pathToFileURL(entry).href)) as T & { default?: T };
  let version = 'unknown';
  try {
    version = (requireFromVia(`${specifier}/package.json`) as { version?: string }).version ?? 'unknown';
  } catch {
    // a package that does not expose its package.json: the version stays unknown
  }
  // A CommonJS package imported from ESM puts its exports on `default`.
  return { module: (module.default ?? module) as T, version };
}
