import { type BackendCapabilities, CnnkitError } from '@cnnkit/core';
import { ALL_CASES } from './cases';
import { type SkipOptions, skipReason, validateSkips } from './skip';
import type { SuiteCase } from './suite-case';

export interface PlannedCase {
  readonly case: SuiteCase;
  /** Set when the case will not run, saying why. */
  readonly skip?: string;
}

/**
 * Decides, before anything runs, which cases run and which are skipped and why. The vitest
 * adapter needs this at collection time to register skipped cases with their reasons.
 */
export function planCases(
  capabilities: BackendCapabilities,
  options: { readonly skip?: SkipOptions; readonly cases?: readonly SuiteCase[]; readonly filter?: (c: SuiteCase) => boolean },
): PlannedCase[] {
  validateSkips(options.skip);
  const cases = (options.cases ?? ALL_CASES).filter((c) => options.filter?.(c) ?? true);
  // Results and test titles are keyed by id; two cases sharing one would hide each other.
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new CnnkitError('INVALID_ARGUMENT', `conformance case id '${c.id}' appears twice; expected unique case ids`, { id: c.id });
    seen.add(c.id);
  }
  return cases.map((c) => {
    const reason = skipReason(c, capabilities, options.skip);
    return reason === undefined ? { case: c } : { case: c, skip: reason };
  });
}
