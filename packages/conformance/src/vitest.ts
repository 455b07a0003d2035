// The vitest adapter, published as '@cnnkit/conformance/vitest'. It is the only file that imports
// vitest (an optional peer), so runSuite and the report writers work where vitest is absent.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Backend, type BackendInfo } from '@cnnkit/core';
import { afterAll, describe, it } from 'vitest';
import { checkDevice } from './device-check';
import { planCases } from './plan';
import { buildReport } from './report';
import { type SuiteCaseResult, notRunResult, runSuiteCase, skippedCaseResult } from './run-suite-case';
import { validateSkips } from './skip';
import type { SuiteOptions } from './suite-options';
import { writeReport } from './write-report';

export interface ConformanceOptions extends SuiteOptions {
  /** Where coverage.md and coverage.json go; default `<cwd>/conformance-report/<backend name>`. */
  readonly reportDir?: string;
}

/**
 * Registers the whole conformance suite as vitest tests, in one call from a backend package's
 * test file. The describe factory is async (vitest 3 awaits it at collection), so the backend is
 * created there and each case is registered knowing whether it runs: skipped cases are
 * registered with `it.skip` and their reason in the title, so they stay visible.
 */
export function runConformance(options: ConformanceOptions): void {
  validateSkips(options.skip);
  describe('conformance', async () => {
    const backend: Backend = await options.create();
    const plan = planCases(backend.capabilities, options);
    const results = new Map<string, SuiteCaseResult>();
    const date = new Date();
    const started = performance.now();

    // Shared by the device test and every case test, so a `-t` filter that leaves out the device
    // test still never lets cases pass on the wrong device.
    let deviceCheck: Promise<BackendInfo> | undefined;
    const device = (): Promise<BackendInfo> => (deviceCheck ??= checkDevice(backend, options.expectDevice));

    describe(backend.name, () => {
      it(`runs on the device it claims${options.expectDevice !== undefined ? ` (${options.expectDevice})` : ''}`, async () => {
        await device();
      });

      for (const p of plan) {
        const c = p.case;
        if (p.skip !== undefined) {
          results.set(c.id, skippedCaseResult(c, p.skip));
          it.skip(`${c.id} — skipped: ${p.skip}`, () => {});
          continue;
        }
        it(c.id, async () => {
          try {
            await device();
          } catch (error) {
            const reason = `not run: device check failed: ${(error as Error).message}`;
            results.set(c.id, notRunResult(c, reason));
            throw new Error(reason);
          }
          const r = await runSuiteCase(backend, c, options.tolerance);
          results.set(c.id, r);
          if (r.status === 'failed') throw new Error(`${c.id}: ${r.reason ?? 'failed'}`);
        });
      }

      afterAll(async () => {
        try {
          const info = await device().catch(() => backend.info());
          const all = plan.map((p) => results.get(p.case.id) ?? skippedCaseResult(p.case, 'not run in this test run (filtered out)'));
          const report = buildReport({
            backend: info,
            capabilities: backend.capabilities,
            ...(options.expectDevice !== undefined ? { expectDevice: options.expectDevice } : {}),
            ...(options.tolerance ? { tolerance: options.tolerance } : {}),
            date,
            ms: performance.now() - started,
            results: all,
          });
          await writeReport(report, options.reportDir ?? path.join(process.cwd(), 'conformance-report', backend.name));
        } finally {
          await backend.dispose?.();
        }
      });
    });
  });
}
