import { OP_TYPES } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sample-report';
import { reportToMarkdown } from './report-markdown';

describe('reportToMarkdown', () => {
  const md = reportToMarkdown(sampleReport());
  const lines = md.split('\n');

  it('opens with the backend, device, description, versions, date and fallback', () => {
    expect(lines[0]).toBe('# Conformance: fake');
    expect(md).toContain('- **Device:** cuda (expected cuda)');
    expect(md).toContain('- **Description:** Test GPU | 2 GB');
    expect(md).toContain('- **Versions:** fake 1.2.3, node v20');
    expect(md).toContain('- **Date:** 2025-01-02T03:04:05.000Z');
    expect(md).toContain('- **Fallback:** none really');
    expect(md).toContain('- **Backend tolerance:** rtol 0.001, atol -');
    expect(md).toContain('- **Totals:** 5 cases: 2 passed, 2 skipped, 1 failed (1.23 s)');
  });

  it('has one table row per op of the op set, with counts and notes', () => {
    const rows = lines.filter((l) => /^\| [a-zA-Z0-9]+ \| \d/.test(l));
    expect(rows.map((l) => l.split(' | ')[0]!.slice(2))).toEqual(OP_TYPES);
    expect(lines).toContain('| relu | 2 | 0 | 0 |  |');
    expect(lines).toContain('| sigmoid | 0 | 0 | 1 | see failures |');
    expect(lines).toContain('| conv2d | 0 | 1 | 0 | skipped: engine lacks dilation |');
    expect(lines).toContain('| argMax | 0 | 1 | 0 | skipped: backend does not declare op argMax |');
    expect(lines).toContain('| maxPool1d | 0 | 0 | 0 | no cases |');
  });

  it('lists failures with case id and reason, kept on one line with pipes escaped', () => {
    const at = lines.indexOf('## Failures');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 2).filter((l) => l.startsWith('- '))).toEqual(["- `sigmoid/hand/basic`: output 'y': a \\| b second line"]);
  });

  it('says so when nothing failed', () => {
    const clean = { ...sampleReport(), results: [] };
    expect(reportToMarkdown(clean)).toContain('## Failures\n\nNone.');
  });
});
