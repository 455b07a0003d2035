import { OP_TYPES } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sample-report';

describe('buildReport', () => {
  it('lists every op of the op set in order, with its counts, even ops without cases', () => {
    const r = sampleReport();
    expect(r.ops.map((o) => o.op)).toEqual(OP_TYPES);
    const row = (op: string) => r.ops.find((o) => o.op === op);
    expect(row('relu')).toEqual({ op: 'relu', cases: 2, passed: 2, skipped: 0, failed: 0, skipReasons: [] });
    expect(row('sigmoid')).toMatchObject({ cases: 1, failed: 1 });
    expect(row('conv2d')).toMatchObject({ cases: 1, skipped: 1, skipReasons: ['engine lacks dilation'] });
    expect(row('maxPool2d')).toEqual({ op: 'maxPool2d', cases: 0, passed: 0, skipped: 0, failed: 0, skipReasons: [] });
  });

  it('totals the statuses and is not ok when a case failed', () => {
    const r = sampleReport();
    expect(r.totals).toEqual({ cases: 5, passed: 2, skipped: 2, failed: 1 });
    expect(r.ok).toBe(false);
    expect(r.date).toBe('2025-01-02T03:04:05.000Z');
  });
});
