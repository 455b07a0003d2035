import { performance } from 'node:perf_hooks';
import type { Backend } from '@cnnkit/core';
import type { Tolerance } from './case';
import type { CaseOutcome } from './case-outcome';
import { type CaseStatus, runCase } from './run-case';
import { runModelCase } from './models/model-case';
import { type CaseKind, type SuiteCase, caseKind, caseSubject } from './suite-case';
import { runGradientCase } from './training/run-gradient-case';
import { runOptimizerCase } from './training/optimizer-case';
import { runModelTrainingCase } from './training/run-model-training-case';

/** What became of one case of the suite: what the report and the coverage matrix are made of. */
export interface SuiteCaseResult {
  readonly id: string;
  readonly kind: CaseKind;
  /** The case's own level ('op', 'model', 'training'). */
  readonly level: string;
  /** Its coverage-matrix row: an op, or 'model:resnet18', 'optimizer:sgd', 'training:lenet5'. */
  readonly subject: string;
  readonly status: CaseStatus;
  /** Why it failed or was skipped. */
  readonly reason?: string;
  readonly ms: number;
}

type Identity = Pick<SuiteCaseResult, 'id' | 'kind' | 'level' | 'subject'>;

function identity(c: SuiteCase): Identity {
  return { id: c.id, kind: caseKind(c), level: c.level, subject: caseSubject(c) };
}

export function skippedCaseResult(c: SuiteCase, reason: string): SuiteCaseResult {
  return { ...identity(c), status: 'skipped', reason, ms: 0 };
}

/** A case that did not run because something before it failed (the device check). */
export function notRunResult(c: SuiteCase, reason: string): SuiteCaseResult {
  return { ...identity(c), status: 'failed', reason, ms: 0 };
}

function outcomeOf(backend: Backend, c: SuiteCase, tolerance: Partial<Tolerance>): Promise<CaseOutcome | { status: CaseStatus; reason?: string }> {
  if (!('kind' in c)) return runCase(backend, c, tolerance);
  if (c.kind === 'model') return runModelCase(backend, c, tolerance);
  if (c.kind === 'gradient') return runGradientCase(backend, c, tolerance);
  if (c.kind === 'optimizer') return runOptimizerCase(backend, c, tolerance);
  return runModelTrainingCase(backend, c);
}

function describeError(error: unknown): string {
  const e = error as Error;
  const code = (e as { code?: string }).code;
  return `threw ${e.name}${code ? ` [${code}]` : ''}: ${e.message}`;
}

/** Runs one case of any kind on a backend; a case that throws is reported as failed, with the error. */
export async function runSuiteCase(backend: Backend, c: SuiteCase, tolerance: Partial<Tolerance> = {}): Promise<SuiteCaseResult> {
  const started = performance.now();
  let outcome: { status: CaseStatus; reason?: string };
  try {
    outcome = await outcomeOf(backend, c, tolerance);
  } catch (error) {
    outcome = { status: 'failed', reason: describeError(error) };
  }
  const reason = outcome.status === 'passed' ? undefined : outcome.reason ?? 'failed without a reason';
  return { ...identity(c), status: outcome.status, ...(reason !== undefined ? { reason } : {}), ms: performance.now() - started };
}
