import { CnnkitError } from '../../errors';

export function checkNonNegative(value: unknown, name: string, where: string): void {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} ${String(value)} is invalid; expected a finite number >= 0`, { [name]: value });
  }
}

export function checkFlag(value: unknown, name: string, where: string): void {
  if (typeof value !== 'boolean') {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} ${String(value)} is invalid; expected true or false`, { [name]: value });
  }
}

export function checkBetas(value: unknown, where: string): void {
  const ok = Array.isArray(value) && value.length === 2 && value.every((b) => typeof b === 'number' && b >= 0 && b < 1);
  if (!ok) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: betas ${JSON.stringify(value)} are invalid; expected [beta1, beta2], each in [0, 1)`, { betas: value });
  }
}

/** Drops keys whose value is undefined, so `{ lr: undefined }` keeps the default. */
export function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rejects option names the optimizer does not have (a typo would otherwise fall back to a default silently). */
export function checkKnownOptions(options: object, defaults: object, where: string): void {
  for (const key of Object.keys(options)) {
    if (!(key in defaults)) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: unknown option '${key}'; expected one of ${Object.keys(defaults).join(', ')}`);
    }
  }
}
