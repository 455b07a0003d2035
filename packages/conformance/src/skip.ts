import { type BackendCapabilities, type OpType, CnnkitError, isOpType } from '@cnnkit/core';
import { type SuiteCase, caseDtypes, caseKind, caseSubject, needsTraining, requiredOps } from './suite-case';

/** Skips a caller declares, each with the reason it is acceptable. */
export interface SkipOptions {
  /** An op to its reason: skips the op's forward and gradient cases. */
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

/** The ops among `required` the backend does not declare, said so (naming who needs them when it is not the case's own op). */
function undeclaredOps(c: SuiteCase, capabilities: BackendCapabilities): string | undefined {
  const missing = requiredOps(c).filter((op) => !capabilities.ops.includes(op));
  if (missing.length === 0) return undefined;
  const own = 'op' in c ? c.op : undefined;
  if (own !== undefined && missing.includes(own)) return `backend does not declare op ${own}`;
  const needer = caseKind(c) === 'gradient' ? `the ${caseSubject(c)} gradient` : caseSubject(c);
  return `backend does not declare op ${missing.join(', ')}, which ${needer} needs`;
}

/**
 * Why a case will not run on a backend, or undefined when it must. What the backend declares it
 * cannot do comes first (training, then ops, then dtypes); then what the caller declared, with
 * the caller's reason.
 */
export function skipReason(c: SuiteCase, capabilities: BackendCapabilities, skip: SkipOptions = {}): string | undefined {
  if (needsTraining(c)) {
    if (!capabilities.training) return 'backend does not declare training capability';
    if (!capabilities.eager) return 'backend does not declare eager execution, which training cases run on';
  }
  const undeclared = undeclaredOps(c, capabilities);
  if (undeclared !== undefined) return undeclared;
  const missing = caseDtypes(c).filter((d) => !capabilities.dtypes.includes(d));
  if (missing.length > 0) return `backend does not declare dtype ${missing.join(', ')}`;
  const subject = caseSubject(c);
  const opReason = isOpType(subject) ? skip.ops?.[subject] : undefined;
  if (opReason !== undefined) return opReason;
  return caseSkipReason(c.id, skip.cases ?? {});
}
