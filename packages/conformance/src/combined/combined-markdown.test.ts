import { describe, expect, it } from 'vitest';
import { type SuiteReport, buildReport } from '../report';
import type { SuiteCaseResult } from '../run-suite-case';
import { reportToJson } from '../report-json';
import { combinedCoverageMarkdown } from './combined-markdown';
import { parseSuiteReport } from './parse-report';

const CAPS = { training: true, eager: true, devices: ['cpu'], dtypes: ['float32', 'int32'], ops: [] } as const;

function result(id: string, status: SuiteCaseResult['status'], reason?: string): SuiteCaseResult {
  const [subject] = id.split('/');
  const kind = id.includes('/grad/') ? 'gradient' : subject!.startsWith('model:') ? 'model' : 'op';
  return { id, kind, level: kind === 'model' ? 'model' : 'op', subject: subject!, status, ms: 3.5, ...(reason !== undefined ? { reason } : {}) };
}

function report(name: string, results: SuiteCaseResult[], date: Date, versions: Record<string, string> = {}): SuiteReport {
  return buildReport({ backend: { name, device: 'cpu', description: `host-specific text ${date.getTime()}`, versions }, capabilities: { ...CAPS }, date, ms: date.getTime() % 997, results });
}

const NO_CIRCULAR = 'no circular padding';
const SLOW = 'too slow here';

function reports(date: Date) {
  return {
    zeta: report('zeta', [result('relu/hand/a', 'passed'), result('relu/hand/b', 'passed'), result('conv2d/hand/circular', 'skipped', NO_CIRCULAR), result('conv2d/hand/plain', 'passed'), result('model:lenet5/x', 'skipped', SLOW)], date, { node: 'v20.0.0', '@cnnkit/zeta': '0.0.0', 'engine-lib': '4.2.0' }),
    alpha: report('alpha', [result('relu/hand/a', 'passed'), result('relu/hand/b', 'failed', 'off by one'), result('conv2d/hand/circular', 'skipped', NO_CIRCULAR), result('conv2d/hand/plain', 'skipped', SLOW), result('relu/grad/x', 'passed')], date),
  };
}

const OPTIONS = { command: 'cnnkit conformance --combine r --out docs/coverage.md', source: 'From test runs.' };

describe('combinedCoverageMarkdown', () => {
  const { zeta, alpha } = reports(new Date('2026-01-01T00:00:00Z'));
  const md = combinedCoverageMarkdown([{ name: 'zeta', report: zeta }, { name: 'missing-one', missing: 'package @x/y not installed' }, { name: 'alpha', report: alpha }], OPTIONS);
  const line = (start: string) => md.split('\n').find((l) => l.startsWith(start));

  it('puts backends in name order as columns, one row per op, cells worked by hand', () => {
    expect(line('| op |')).toBe('| op | alpha | zeta |');
    // alpha: relu 1 passed + 1 failed; zeta: both passed.
    expect(line('| relu |')).toBe('| relu | **✗ 1** · ✓ 1 | ✓ 2 |');
    // conv2d: alpha skips both (circular first met -> [1], slow -> [2]); zeta passes one, skips circular [1].
    expect(line('| conv2d |')).toBe('| conv2d | skip 2 [1][2] | ✓ 1 · skip 1 [1] |');
    expect(line('| sigmoid |')).toBe('| sigmoid | — | — |');
    expect(line('| model:lenet5 |')).toBe('| model:lenet5 | — | skip 1 [2] |');
  });

  it('numbers skip reasons in order of first use and says which backends gave them', () => {
    expect(md).toContain(`1. ${NO_CIRCULAR} (alpha, zeta)\n2. ${SLOW} (alpha, zeta)`);
  });

  it('lists backends with their device and third-party versions only, missing ones, and failures by id', () => {
    expect(line('| alpha |')).toBe('| alpha | cpu | — | 5 | 2 | 2 | 1 |');
    expect(line('| zeta |')).toBe('| zeta | cpu | engine-lib 4.2.0 | 5 | 3 | 2 | 0 |');
    expect(md).toContain('Not installed: missing-one (package @x/y not installed).');
    expect(md).toContain('## Failures\n\n- alpha: `relu/hand/b`\n');
    expect(md).not.toContain('off by one');
  });

  it("says that a backend fell back without its host-specific reason", () => {
    const fellBack = buildReport({ backend: { name: 'gpu', device: 'cpu', description: '', versions: {}, fallback: 'no libcuda.so.1 in /opt/host-path' }, capabilities: { ...CAPS }, date: new Date(0), ms: 1, results: [] });
    const page = combinedCoverageMarkdown([{ name: 'gpu', report: fellBack }], OPTIONS);
    expect(page.split('\n').find((l) => l.startsWith('| gpu |'))).toBe('| gpu | cpu (fell back from the device asked for; `cnnkit info --backend gpu` says why) | — | 0 | 0 | 0 | 0 |');
    expect(page).not.toContain('/opt/host-path');
  });

  it('is the same page for runs at other times, on other hosts, given in another order', () => {
    const later = reports(new Date('2027-06-30T12:34:56Z'));
    const again = combinedCoverageMarkdown([{ name: 'alpha', report: later.alpha }, { name: 'missing-one', missing: 'package @x/y not installed' }, { name: 'zeta', report: later.zeta }], OPTIONS);
    expect(again).toBe(md);
    expect(md).not.toMatch(/2026|host-specific|v20\.0\.0/);
  });
});

describe('parseSuiteReport', () => {
  const { alpha } = reports(new Date(0));

  it('reads back what the suite writes', () => {
    expect(parseSuiteReport(reportToJson(alpha), 'a.json')).toEqual(alpha);
  });

  it('refuses another format, naming the file and both formats', () => {
    expect(() => parseSuiteReport(JSON.stringify({ ...alpha, format: 'cnnkit-conformance-report/2' }), 'old.json')).toThrow(
      "old.json: given format 'cnnkit-conformance-report/2'; expected a conformance report of format 'cnnkit-conformance-report/3'",
    );
    expect(() => parseSuiteReport('{', 'broken.json')).toThrow(/^broken\.json: not JSON/);
  });

  it('refuses a report of a filtered run', () => {
    const filtered = report('f', [result('relu/hand/a', 'passed'), result('relu/hand/b', 'skipped', 'not run in this test run (filtered out)')], new Date(0));
    expect(() => parseSuiteReport(reportToJson(filtered), 'f.json')).toThrow("f.json: 1 of 2 cases of backend 'f' were filtered out of the run that wrote it (vitest -t)");
  });
});
