import { OP_TYPES } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sample-report';
import { MODEL_SUBJECTS, TRAINING_SUBJECTS } from './report';
import { reportToMarkdown } from './report-markdown';

/** The table rows under a section heading (up to the next heading). */
function section(lines: readonly string[], title: string): string[] {
  const at = lines.findIndex((l) => l.startsWith(`### ${title} (`));
  expect(at, `section ${title}`).toBeGreaterThan(0);
  const rest = lines.slice(at + 1);
  const end = rest.findIndex((l) => l.startsWith('#'));
  return (end < 0 ? rest : rest.slice(0, end)).filter((l) => /^\| [^-| ]+ \| \d/.test(l));
}

const firstCell = (row: string): string => row.split(' | ')[0]!.slice(2);

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
    expect(md).toContain('- **Totals:** 13 cases: 6 passed, 4 skipped, 3 failed (1.23 s)');
  });

  it('has a forward section with one row per op of the op set, with counts and notes', () => {
    expect(lines).toContain('### Forward ops (5 cases: 2 passed, 2 skipped, 1 failed)');
    const rows = section(lines, 'Forward ops');
    expect(rows.map(firstCell)).toEqual(OP_TYPES);
    expect(rows).toContain('| relu | 2 | 0 | 0 |  |');
    expect(rows).toContain('| sigmoid | 0 | 0 | 1 | see failures |');
    expect(rows).toContain('| conv2d | 0 | 1 | 0 | skipped: engine lacks dilation |');
    expect(rows).toContain('| argMax | 0 | 1 | 0 | skipped: backend does not declare op argMax |');
    expect(rows).toContain('| maxPool1d | 0 | 0 | 0 | no cases |');
  });

  it('has a models section listing every zoo model, then any other model met', () => {
    expect(lines).toContain('### Models (3 cases: 1 passed, 1 skipped, 1 failed)');
    const rows = section(lines, 'Models');
    expect(rows.map(firstCell)).toEqual([...MODEL_SUBJECTS, 'model:tiny']);
    expect(rows).toContain('| model:lenet5 | 1 | 0 | 0 |  |');
    expect(rows).toContain('| model:vgg11 | 0 | 1 | 0 | skipped: backend does not declare op maxPool2d, which model:vgg11 needs |');
    expect(rows).toContain('| model:resnet152 | 0 | 0 | 0 | no cases |');
    expect(rows).toContain('| model:tiny | 0 | 0 | 1 | see failures |');
  });

  it('has a gradient section listing every op too, saying which ops have no gradient at all', () => {
    expect(lines).toContain('### Gradients (2 cases: 1 passed, 0 skipped, 1 failed)');
    const rows = section(lines, 'Gradients');
    expect(rows.map(firstCell)).toEqual(OP_TYPES);
    expect(rows).toContain('| relu | 1 | 0 | 0 |  |');
    expect(rows).toContain('| sigmoid | 0 | 0 | 1 | see failures |');
    expect(rows).toContain('| conv2d | 0 | 0 | 0 | no cases |');
    expect(rows).toContain('| argMax | 0 | 0 | 0 | no cases (no gradient: not differentiable or training-only) |');
    expect(rows).toContain('| conv2dBackwardInput | 0 | 0 | 0 | no cases (no gradient: not differentiable or training-only) |');
  });

  it('has an optimizer and training section per subject', () => {
    expect(lines).toContain('### Optimizers and training (3 cases: 2 passed, 1 skipped, 0 failed)');
    const rows = section(lines, 'Optimizers and training');
    expect(rows.map(firstCell)).toEqual([...TRAINING_SUBJECTS, 'training:tiny']);
    expect(rows).toContain('| optimizer:adam | 1 | 0 | 0 |  |');
    expect(rows).toContain('| optimizer:sgd | 0 | 0 | 0 | no cases |');
    expect(rows).toContain('| training:lenet5 | 0 | 1 | 0 | skipped: backend does not declare training capability |');
  });

  it('lists failures of every section with case id and reason, kept on one line with pipes escaped', () => {
    const at = lines.indexOf('## Failures');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 2).filter((l) => l.startsWith('- '))).toEqual([
      "- `sigmoid/hand/basic`: output 'y': a \\| b second line",
      "- `model:tiny/pytorch/8x8`: output 'logits': 3 of 10 values differ",
      '- `sigmoid/grad/pytorch/basic`: dx: 1 of 3 values differ',
    ]);
  });

  it('says so when nothing failed', () => {
    const clean = { ...sampleReport(), results: [] };
    expect(reportToMarkdown(clean)).toContain('## Failures\n\nNone.');
  });
});
