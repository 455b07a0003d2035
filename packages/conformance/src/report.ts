import { type BackendCapabilities, type BackendInfo, type OpType, OP_TYPES } from '@cnnkit/core';
import type { Tolerance } from './case';
import type { CaseResult } from './run-case';

export const REPORT_FORMAT = 'cnnkit-conformance-report/1';

/** One row of the coverage matrix: an op of the op set and what became of its cases. */
export interface OpRow {
  readonly op: OpType;
  readonly cases: number;
  readonly passed: number;
  readonly skipped: number;
  readonly failed: number;
  /** The distinct reasons its cases were skipped. */
  readonly skipReasons: readonly string[];
}

export interface SuiteTotals {
  readonly cases: number;
  readonly passed: number;
  readonly skipped: number;
  readonly failed: number;
}

export interface SuiteReport {
  readonly format: typeof REPORT_FORMAT;
  readonly backend: BackendInfo;
  readonly capabilities: BackendCapabilities;
  readonly expectDevice?: string;
  readonly tolerance: Partial<Tolerance>;
  /** ISO 8601, when the run started. */
  readonly date: string;
  readonly ms: number;
  readonly results: readonly CaseResult[];
  /** Every op of core's OP_TYPES, in op-set order, even those without cases, so gaps show. */
  readonly ops: readonly OpRow[];
  readonly totals: SuiteTotals;
  /** True when no case failed. */
  readonly ok: boolean;
}

export interface ReportInput {
  readonly backend: BackendInfo;
  readonly capabilities: BackendCapabilities;
  readonly expectDevice?: string;
  readonly tolerance?: Partial<Tolerance>;
  readonly date: Date;
  readonly ms: number;
  readonly results: readonly CaseResult[];
}

function countOf(results: readonly CaseResult[], status: CaseResult['status']): number {
  return results.reduce((n, r) => n + (r.status === status ? 1 : 0), 0);
}

export function buildReport(input: ReportInput): SuiteReport {
  const byOp = new Map<OpType, CaseResult[]>(OP_TYPES.map((op) => [op, []]));
  for (const r of input.results) {
    const list = byOp.get(r.op);
    if (list) list.push(r);
    else byOp.set(r.op, [r]);
  }
  const ops: OpRow[] = [...byOp].map(([op, rs]) => ({
    op,
    cases: rs.length,
    passed: countOf(rs, 'passed'),
    skipped: countOf(rs, 'skipped'),
    failed: countOf(rs, 'failed'),
    skipReasons: [...new Set(rs.filter((r) => r.status === 'skipped').map((r) => r.reason ?? 'no reason given'))],
  }));
  const totals: SuiteTotals = {
    cases: input.results.length,
    passed: countOf(input.results, 'passed'),
    skipped: countOf(input.results, 'skipped'),
    failed: countOf(input.results, 'failed'),
  };
  return {
    format: REPORT_FORMAT,
    backend: input.backend,
    capabilities: input.capabilities,
    ...(input.expectDevice !== undefined ? { expectDevice: input.expectDevice } : {}),
    tolerance: input.tolerance ?? {},
    date: input.date.toISOString(),
    ms: input.ms,
    results: input.results,
    ops,
    totals,
    ok: totals.failed === 0,
  };
}

/** The result of a case that was planned as skipped. */
export function skippedResult(c: { readonly id: string; readonly op: OpType; readonly level: CaseResult['level'] }, reason: string): CaseResult {
  return { id: c.id, op: c.op, level: c.level, status: 'skipped', reason, ms: 0 };
}
