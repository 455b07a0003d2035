// Runs the adapter on the fake backend, then checks from a file-level afterAll (which vitest runs
// after the adapter's own afterAll) what it registered and the report it wrote.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunnerTask } from 'vitest';
import { afterAll, expect } from 'vitest';
import { FAKE_CASES, fakeBackend } from '../test/fake-backend';
import type { SuiteReport } from './report';
import { runConformance } from './vitest';

const reportDir = mkdtempSync(path.join(os.tmpdir(), 'cnnkit-adapter-'));
let disposed = 0;

runConformance({
  create: () => fakeBackend({ onDispose: () => disposed++ }),
  expectDevice: 'cpu',
  cases: FAKE_CASES,
  skip: { cases: { 'sigmoid/hand/basic': 'declared by the test' } },
  reportDir,
});

/** "describe > it [mode]" for every test under a task; the file itself adds no title. */
function titles(task: RunnerTask, parents: readonly string[] = []): string[] {
  if (task.type !== 'suite') return [`${[...parents, task.name].join(' > ')} [${task.mode}]`];
  const path = 'filepath' in task ? parents : [...parents, task.name];
  return task.tasks.flatMap((t) => titles(t, path));
}

afterAll((file) => {
  try {
    expect(titles(file)).toEqual([
      'conformance > fake > runs on the device it claims (cpu) [run]',
      'conformance > fake > relu/hand/basic [run]',
      'conformance > fake > sigmoid/hand/basic — skipped: declared by the test [skip]',
      'conformance > fake > argMax/hand/rows — skipped: backend does not declare op argMax [skip]',
      'conformance > fake > relu/training/grad — skipped: backend does not declare training capability [skip]',
    ]);
    const report = JSON.parse(readFileSync(path.join(reportDir, 'coverage.json'), 'utf8')) as SuiteReport;
    expect(report.totals).toEqual({ cases: 4, passed: 1, skipped: 3, failed: 0 });
    expect(report.backend.device).toBe('cpu');
    const md = readFileSync(path.join(reportDir, 'coverage.md'), 'utf8');
    expect(md).toContain('| relu | 1 | 0 | 0 |  |');
    expect(md).toContain('| relu | 0 | 1 | 0 | skipped: backend does not declare training capability |');
    expect(disposed).toBe(1);
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
});
