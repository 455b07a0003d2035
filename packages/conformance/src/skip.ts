import { type BackendCapabilities, type DType, type OpType, CnnkitError, isOpType } from '@cnnkit/core';
import type { ConformanceCase } from './case';

/** Skips a caller declares, each with the reason it is acceptable. */
export interface SkipOptions {
  readonly ops?: Partial<Record<OpType, string>>;
  /** A case id, or an id prefix ending in '/' ('conv2d/pytorch/'), to its reason. */
  readonly cases?: Readonly<Record<string, string>>;
}

/** Rejects skips that would be silent (empty reason) or that name an op outside the op set. */
export function validateSkips(skip: SkipOptions = {}): void {
  for (const [op, reason] of Object.entries(skip.ops ?? {})) {
    if (!isOpType(op)) {
      throw new CnnkitError('INVALID_ARGUMENT', `conformance skip.ops names unknown op '${op}'; expected an op of core's OP_TYPES`, { op });
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new CnnkitError('INVALID_ARGUMENT', `conformance skip.ops['${op}'] has an empty reason; expected a sentence saying why (skips are never silent)`, { op });
    }
  }
  for (const [id, reason] of Object.entries(skip.cases ?? {})) {
    if (id.trim() === '') {
      throw new CnnkitError('INVALID_ARGUMENT', `conformance skip.cases has an empty case id; expected a case id or an id prefix ending in '/'`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new CnnkitError('INVALID_ARGUMENT', `conformance skip.cases['${id}'] has an empty reason; expected a sentence saying why (skips are never silent)`, { id });
    }
  }
}

/** Every dtype a case feeds or expects. */
export function caseDtypes(c: ConformanceCase): DType[] {
  const all = [...Object.values(c.inputs), ...Object.values(c.expected), ...Object.values(c.graph.initializers)].map((v) => v.dtype);
  return [...new Set(all)];
}

/** The caller's reason for skipping this case id: an exact id wins over the longest prefix. */
function caseSkipReason(id: string, cases: Readonly<Record<string, string>>): string | undefined {
  const exact = cases[id];
  if (exact !== undefined) return exact;
  let best: string | undefined;
  for (const key of Object.keys(cases)) {
    if (key.endsWith('/') && id.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : cases[best];
}

/**
 * Why a case will not run on a backend, or undefined when it must. What the backend declares it
 * cannot do comes first; then what the caller declared, with the caller's reason.
 */
export function skipReason(c: ConformanceCase, capabilities: BackendCapabilities, skip: SkipOptions = {}): string | undefined {
  if (!capabilities.ops.includes(c.op)) return `backend does not declare op ${c.op}`;
  if (c.level === 'training' && !capabilities.training) return 'training case; backend does not declare training';
  const missing = caseDtypes(c).filter((d) => !capabilities.dtypes.includes(d));
  if (missing.length > 0) return `backend does not declare dtype ${missing.join(', ')}`;
  const opReason = skip.ops?.[c.op];
  if (opReason !== undefined) return opReason;
  return caseSkipReason(c.id, skip.cases ?? {});
}
