import type { Backend } from '@cnnkit/core';
import type { CaseOutcome } from '../case-outcome';
import { withEagerBackend } from './eager-backend';
import { type ModelTrainingCase, lossCurveProblem } from './model-training-case';

/** Trains the case's model on the backend and judges its loss curve. */
export async function runModelTrainingCase(backend: Backend, c: ModelTrainingCase): Promise<CaseOutcome> {
  const losses = await withEagerBackend(backend, () => c.train());
  const problem = lossCurveProblem(losses, c.maxFinalRatio);
  return problem === undefined ? { status: 'passed' } : { status: 'failed', reason: problem };
}
