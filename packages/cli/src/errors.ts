import type { CnnkitErrorCode } from '@cnnkit/core';

export interface CnnkitErrorLike extends Error {
  readonly code: CnnkitErrorCode;
}

/**
 * A CnnkitError by shape rather than by class: a backend package may bring its own copy of core
 * (a second install, or dist next to sources in tests), whose class `instanceof` does not know.
 */
export function isCnnkitErrorLike(error: unknown, code?: CnnkitErrorCode): error is CnnkitErrorLike {
  if (!(error instanceof Error) || error.name !== 'CnnkitError') return false;
  const c = (error as { code?: unknown }).code;
  return typeof c === 'string' && (code === undefined || c === code);
}
