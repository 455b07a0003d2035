import { type BackendCapabilities, type BackendInfo, type OpType, MODEL_ZOO, OP_TYPES } from '@cnnkit/core';
import type { Tolerance } from './case';
import type { SuiteCaseResult } from './run-suite-case';
import { type MatrixSection, matrixSection } from './suite-case';

/**
 * Version 2 added gradient and training sections, and results carry kind and subject instead of
 * op; version 3 added the models section.
 */
export const REPORT_FORMAT = 'cnnkit-conformance-report/3';

/** The subjects of the models section: every model of core's zoo, always listed so that gaps show. */
export const MODEL_SUBJECTS: readonly string[] = Object.keys(MODEL_ZOO).map((name) => `model:${name}`);

/** The subjects of the optimizer and training section, always listed so that gaps show. */
export const TRAINING_SUBJECTS: readonly string[] = ['optimizer:sgd', 'optimizer:adam', 'optimizer:adamw', 'training:lenet5'];

export interface Counts {
  readonly cases: number;
  readonly passed: number;
  readonly skipped: number;
  readonly failed: number;
}

/** One row of the coverage matrix: a subject and what became of its cases. */
export interface SubjectRow extends Counts {
  readonly subject: string;
  /** The distinct reasons its cases were skipped. */
  readonly skipReasons: readonly string[];
}

/** A row of an op section: an op of the op set. */
export interface OpRow extends Counts {
  readonly op: OpType;
  readonly skipReasons: readonly string[];
}

export type SuiteTotals = Counts;

export interface SuiteReport {
  readonly format: typeof REPORT_FORMAT;
  readonly backend: BackendInfo;
  readonly capabilities: BackendCapabilities;
  readonly expectDevice?: string;
  readonly tolerance: Partial<Tolerance>;
  /** ISO 8601, when the run started. */
  readonly date: string;
  readonly ms: number;
  readonly results: readonly SuiteCaseResult[];
  /** Forward op cases per op: every op of core's OP_TYPES, in op-set order, even those without cases, so gaps show. */
  readonly ops: readonly OpRow[];
  /** Zoo model cases per model: MODEL_SUBJECTS, then any other subject met. */
  readonly models: readonly SubjectRow[];
  /** Gradient cases per op, every op of OP_TYPES likewise. */
  readonly gradients: readonly OpRow[];
  /** Optimizer steps and training runs per subject: TRAINING_SUBJECTS, then any other subject met. */
  readonly training: readonly SubjectRow[];
  /** Per section, and over everything. */
  readonly sectionTotals: Readonly<Record<MatrixSection, SuiteTotals>>;
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
  readonly results: readonly SuiteCaseResult[];
}

function countsOf(results: readonly SuiteCaseResult[]): Counts {
  const count = (status: SuiteCaseResult['status']) => results.reduce((n, r) => n + (r.status === status ? 1 : 0), 0);
  return { cases: results.length, passed: count('passed'), skipped: count('skipped'), failed: count('failed') };
}

/** Rows for the given subjects in order, then any other subject the results name, in order of appearance. */
function rowsOf(results: readonly SuiteCaseResult[], subjects: readonly string[]): SubjectRow[] {
  const bySubject = new Map<string, SuiteCaseResult[]>(subjects.map((s) => [s, []]));
  for (const r of results) {
    const list = bySubject.get(r.subject);
    if (list) list.push(r);
    else bySubject.set(r.subject, [r]);
  }
  return [...bySubject].map(([subject, rs]) => ({
    subject,
    ...countsOf(rs),
    skipReasons: [...new Set(rs.filter((r) => r.status === 'skipped').map((r) => r.reason ?? 'no reason given'))],
  }));
}

function opRowsOf(results: readonly SuiteCaseResult[]): OpRow[] {
  return rowsOf(results, OP_TYPES).map(({ subject, ...row }) => ({ op: subject as OpType, ...row }));
}

export function buildReport(input: ReportInput): SuiteReport {
  const bySection: Record<MatrixSection, SuiteCaseResult[]> = { forward: [], model: [], gradient: [], training: [] };
  for (const r of input.results) bySection[matrixSection(r.kind, r.level)].push(r);
  const totals = countsOf(input.results);
  return {
    format: REPORT_FORMAT,
    backend: input.backend,
    capabilities: input.capabilities,
    ...(input.expectDevice !== undefined ? { expectDevice: input.expectDevice } : {}),
    tolerance: input.tolerance ?? {},
    date: input.date.toISOString(),
    ms: input.ms,
    results: input.results,
    ops: opRowsOf(bySection.forward),
    models: rowsOf(bySection.model, MODEL_SUBJECTS),
    gradients: opRowsOf(bySection.gradient),
    training: rowsOf(bySection.training, TRAINING_SUBJECTS),
    sectionTotals: {
      forward: countsOf(bySection.forward),
      model: countsOf(bySection.model),
      gradient: countsOf(bySection.gradient),
      training: countsOf(bySection.training),
    },
    totals,
    ok: totals.failed === 0,
  };
}
