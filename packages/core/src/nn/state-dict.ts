import { CnnkitError } from '../errors';
import { type DType, isDType } from '../tensor/dtype';
import { type StaticShape, formatShape, shapesEqual, sizeOf } from '../tensor/shape';
import type { TensorValue } from '../tensor/tensor';
import type { StateHolder } from './module';
import { placeLike } from './placement';

export interface LoadStateDictOptions {
  /** Throw on any missing, unexpected or mismatched key (default true), as PyTorch's strict. */
  readonly strict?: boolean;
}

export interface StateSignature {
  readonly dtype: DType;
  readonly shape: StaticShape;
}

export interface StateMismatch {
  readonly key: string;
  readonly expected: StateSignature;
  readonly given: StateSignature;
}

/** What a load found besides the keys it loaded. */
export interface LoadStateDictReport {
  /** Keys the module has and the state dict lacks (they keep their current values). */
  readonly missing: string[];
  /** Keys the state dict has and the module does not. */
  readonly unexpected: string[];
  /** Keys present on both sides whose dtype or shape differ (not loaded). */
  readonly mismatched: StateMismatch[];
  /** Keys loaded. */
  readonly loaded: string[];
}

export async function readState(entries: readonly [string, StateHolder][]): Promise<Record<string, TensorValue>> {
  const out: Record<string, TensorValue> = {};
  for (const [key, holder] of entries) {
    const v = await holder.value.toValue();
    out[key] = { dtype: v.dtype, shape: [...v.shape], data: v.data.slice() };
  }
  return out;
}

const signature = (v: StateSignature): string => `${v.dtype} ${formatShape(v.shape)}`;

export function loadState(entries: readonly [string, StateHolder][], state: Readonly<Record<string, TensorValue>>, options: LoadStateDictOptions, where: string): LoadStateDictReport {
  const strict = options.strict ?? true;
  const own = new Map(entries);
  const missing: string[] = [];
  const mismatched: StateMismatch[] = [];
  const loadable: [string, StateHolder, TensorValue][] = [];
  for (const [key, holder] of entries) {
    if (!Object.hasOwn(state, key)) {
      if (!('optionalOnLoad' in holder && holder.optionalOnLoad)) missing.push(key);
      continue;
    }
    const given = checkedValue(state[key], key, where);
    const expected = { dtype: holder.value.dtype, shape: holder.value.shape };
    if (given.dtype !== expected.dtype || !shapesEqual(given.shape, expected.shape)) {
      mismatched.push({ key, expected, given: { dtype: given.dtype, shape: given.shape } });
    } else {
      loadable.push([key, holder, given]);
    }
  }
  const unexpected = Object.keys(state).filter((key) => !own.has(key));
  const report: LoadStateDictReport = { missing, unexpected, mismatched, loaded: loadable.map(([key]) => key) };
  if (strict && (missing.length || unexpected.length || mismatched.length)) {
    const problems: string[] = [];
    if (missing.length) problems.push(`missing ${missing.length} key(s): ${missing.join(', ')}`);
    if (unexpected.length) problems.push(`unexpected ${unexpected.length} key(s): ${unexpected.join(', ')}`);
    if (mismatched.length) {
      problems.push(`mismatched ${mismatched.length} key(s): ${mismatched.map((m) => `${m.key} given ${signature(m.given)}, expected ${signature(m.expected)}`).join('; ')}`);
    }
    throw new CnnkitError('INVALID_ARGUMENT', `${where}.loadStateDict (strict): ${problems.join('; ')}. Nothing was loaded; pass { strict: false } to load the keys that match and get this report`, { ...report });
  }
  for (const [, holder, value] of loadable) {
    holder.assign(placeLike({ dtype: value.dtype, shape: [...value.shape], data: value.data.slice() }, holder.value));
  }
  return report;
}

function checkedValue(value: TensorValue | undefined, key: string, where: string): TensorValue {
  const ok = value !== undefined && value !== null && isDType(value.dtype) && Array.isArray(value.shape)
    && value.shape.every((d) => Number.isInteger(d) && d >= 0)
    && (value.data instanceof Float32Array || value.data instanceof Int32Array);
  if (!ok) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}.loadStateDict: '${key}' is not a tensor value; expected { dtype: 'float32' | 'int32', shape: number[], data: Float32Array | Int32Array }`, { key });
  }
  const size = sizeOf(value.shape);
  if (value.data.length !== size || (value.dtype === 'float32') !== (value.data instanceof Float32Array)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}.loadStateDict: '${key}' says ${signature(value)} (${size} values) but holds ${value.data.length} values in a ${value.data.constructor.name}; expected data matching its dtype and shape`, { key });
  }
  return value;
}
