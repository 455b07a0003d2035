import { performance } from 'node:perf_hooks';
import { checkDevice } from './device-check';
import { planCases } from './plan';
import { type SuiteReport, buildReport } from './report';
import { type SuiteCaseResult, runSuiteCase, skippedCaseResult } from './run-suite-case';
import { validateSkips } from './skip';
import type { SuiteOptions } from './suite-options';

/**
 * Runs the conformance suite on a backend without any test framework (the CLI's
 * `cnnkit conformance` uses it): device check first, then every planned case in order, forward
 * op cases, gradient cases, optimizer steps and training runs alike.
 * Rejects when the backend is not on the device it claims or a skip has no reason; a failing
 * case does not reject, it is reported.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteReport> {
  validateSkips(options.skip); // before the backend exists: a bad skip list costs nothing
  const date = new Date();
  const started = performance.now();
  const backend = await options.create();
  try {
    const info = await checkDevice(backend, options.expectDevice);
    const plan = planCases(backend.capabilities, options);
    const results: SuiteCaseResult[] = [];
    for (const p of plan) {
      results.push(p.skip !== undefined ? skippedCaseResult(p.case, p.skip) : await runSuiteCase(backend, p.case, options.tolerance));
    }
    return buildReport({
      backend: info,
      capabilities: backend.capabilities,
      ...(options.expectDevice !== undefined ? { expectDevice: options.expectDevice } : {}),
      ...(options.tolerance ? { tolerance: options.tolerance } : {}),
      date,
      ms: performance.now() - started,
      results,
    });
  } finally {
    await backend.dispose?.();
  }
}
