import { CnnkitError } from '../errors';
import type { NoAttrs, Padding } from './attributes';

type Attrs = Readonly<Record<string, unknown>>;

function invalid(where: string, name: string, given: unknown, expected: string): CnnkitError {
  return new CnnkitError('INVALID_ATTRIBUTE', `${where}: attribute '${name}' is ${JSON.stringify(given)}; expected ${expected}`, { attribute: name, given });
}

/** Rejects attribute names the op does not have, so a typo never silently falls back to a default. */
export function checkKnownAttributes(attrs: Attrs, known: readonly string[], where: string): void {
  for (const key of Object.keys(attrs)) {
    if (attrs[key] !== undefined && !known.includes(key)) {
      throw new CnnkitError('INVALID_ATTRIBUTE', `${where}: unknown attribute '${key}'; expected one of ${known.length ? known.join(', ') : '(none)'}`, { attribute: key });
    }
  }
}

/** normalize for the ops that take no attribute: anything given is an error. */
export function noAttrs(attrs: Attrs, where: string): NoAttrs {
  checkKnownAttributes(attrs, [], where);
  return {};
}

export function intAttr(attrs: Attrs, name: string, fallback: number, where: string, min = -Infinity): number {
  const v = attrs[name] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw invalid(where, name, v, `an integer${min > -Infinity ? ` >= ${min}` : ''}`);
  return v;
}

export function numberAttr(attrs: Attrs, name: string, fallback: number, where: string, check: (v: number) => boolean = Number.isFinite, expected = 'a finite number'): number {
  const v = attrs[name] ?? fallback;
  if (typeof v !== 'number' || !check(v)) throw invalid(where, name, v, expected);
  return v;
}

export function boolAttr(attrs: Attrs, name: string, fallback: boolean, where: string): boolean {
  const v = attrs[name] ?? fallback;
  if (typeof v !== 'boolean') throw invalid(where, name, v, 'true or false');
  return v;
}

export function enumAttr<T extends string>(attrs: Attrs, name: string, options: readonly T[], fallback: T, where: string): T {
  const v = attrs[name] ?? fallback;
  if (typeof v !== 'string' || !options.includes(v as T)) throw invalid(where, name, v, `one of ${options.map((o) => `'${o}'`).join(', ')}`);
  return v as T;
}

/** An integer list; a single number is broadcast to `length` entries (as PyTorch accepts `stride=2`). */
export function intListAttr(attrs: Attrs, name: string, length: number | undefined, fallback: number | readonly number[] | undefined, where: string, min = -Infinity): number[] {
  let v = attrs[name] ?? fallback;
  if (v === undefined) throw invalid(where, name, v, `a list of ${length ?? 'any number of'} integers (required)`);
  if (typeof v === 'number' && length !== undefined) v = new Array<number>(length).fill(v);
  const ok = Array.isArray(v) && (length === undefined || v.length === length) && v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= min);
  if (!ok) throw invalid(where, name, v, `${length ?? 'a list of'} integers${min > -Infinity ? ` >= ${min}` : ''}${length !== undefined ? ` (one per spatial axis)` : ''}`);
  return [...(v as number[])];
}

/** 'valid', 'same', one number for every side, one per axis (symmetric), or begins then ends. */
export function paddingAttr(attrs: Attrs, name: string, spatial: number, where: string): Padding {
  const v = attrs[name] ?? 'valid';
  if (v === 'valid' || v === 'same') return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return new Array<number>(2 * spatial).fill(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) {
    if (v.length === 2 * spatial) return [...(v as number[])];
    if (v.length === spatial) return [...(v as number[]), ...(v as number[])];
  }
  throw invalid(where, name, v, `'valid', 'same', a non-negative integer, ${spatial} integers (symmetric) or ${2 * spatial} integers (all begins, then all ends)`);
}
