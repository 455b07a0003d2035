import { OP_TYPES } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sample-report';
import { MODEL_SUBJECTS, TRAINING_SUBJECTS } from './report';

describe('buildReport', () => {
  it('lists every op of the op set in order for forward cases, with its counts, even ops without cases', () => {
    const r = sampleReport();
    expect(r.ops.map((o) => o.op)).toEqual(OP_TYPES);
    const row = (op: string) => r.ops.find((o) => o.op === op);
    expect(row('relu')).toEqual({ op: 'relu', cases: 2, passed: 2, skipped: 0, failed: 0, skipReasons: [] });
    expect(row('sigmoid')).toMatchObject({ cases: 1, failed: 1 });
    expect(row('conv2d')).toMatchObject({ cases: 1, skipped: 1, skipReasons: ['engine lacks dilation'] });
    expect(row('maxPool2d')).toEqual({ op: 'maxPool2d', cases: 0, passed: 0, skipped: 0, failed: 0, skipReasons: [] });
  });

  it('counts model cases per model: every zoo model first, then any other subject', () => {
    const r = sampleReport();
    expect(MODEL_SUBJECTS).toContain('model:resnet18');
    expect(MODEL_SUBJECTS).toContain('model:textCnn');
    expect(r.models.map((o) => o.subject)).toEqual([...MODEL_SUBJECTS, 'model:tiny']);
    const row = (s: string) => r.models.find((o) => o.subject === s);
    expect(row('model:lenet5')).toEqual({ subject: 'model:lenet5', cases: 1, passed: 1, skipped: 0, failed: 0, skipReasons: [] });
    expect(row('model:vgg11')).toMatchObject({ cases: 1, skipped: 1, skipReasons: ['backend does not declare op maxPool2d, which model:vgg11 needs'] });
    expect(row('model:resnet152')).toMatchObject({ cases: 0 });
    expect(row('model:tiny')).toMatchObject({ cases: 1, failed: 1 });
  });

  it('counts gradient cases per op in their own section, also listing every op', () => {
    const r = sampleReport();
    expect(r.gradients.map((o) => o.op)).toEqual(OP_TYPES);
    expect(r.gradients.find((o) => o.op === 'relu')).toEqual({ op: 'relu', cases: 1, passed: 1, skipped: 0, failed: 0, skipReasons: [] });
    expect(r.gradients.find((o) => o.op === 'sigmoid')).toMatchObject({ cases: 1, failed: 1 });
    expect(r.gradients.find((o) => o.op === 'conv2d')).toMatchObject({ cases: 0 });
  });

  it('counts optimizer and training cases per subject: the known subjects first, then any other', () => {
    const r = sampleReport();
    expect(r.training.map((o) => o.subject)).toEqual([...TRAINING_SUBJECTS, 'training:tiny']);
    const row = (s: string) => r.training.find((o) => o.subject === s);
    expect(row('optimizer:adam')).toEqual({ subject: 'optimizer:adam', cases: 1, passed: 1, skipped: 0, failed: 0, skipReasons: [] });
    expect(row('optimizer:sgd')).toMatchObject({ cases: 0 });
    expect(row('training:lenet5')).toMatchObject({ cases: 1, skipped: 1, skipReasons: ['backend does not declare training capability'] });
    expect(row('training:tiny')).toMatchObject({ cases: 1, passed: 1 });
  });

  it('totals the statuses per section and overall, and is not ok when a case failed', () => {
    const r = sampleReport();
    expect(r.sectionTotals).toEqual({
      forward: { cases: 5, passed: 2, skipped: 2, failed: 1 },
      model: { cases: 3, passed: 1, skipped: 1, failed: 1 },
      gradient: { cases: 2, passed: 1, skipped: 0, failed: 1 },
      training: { cases: 3, passed: 2, skipped: 1, failed: 0 },
    });
    expect(r.totals).toEqual({ cases: 13, passed: 6, skipped: 4, failed: 3 });
    expect(r.ok).toBe(false);
    expect(r.date).toBe('2025-01-02T03:04:05.000Z');
  });
});
