import { buildReport, type SuiteReport } from '../src/report';

/** A report with one of each status, free text that needs escaping, and a fallback. */
export function sampleReport(): SuiteReport {
  return buildReport({
    backend: { name: 'fake', device: 'cuda', description: 'Test GPU | 2 GB', versions: { fake: '1.2.3', node: 'v20' }, fallback: 'none really' },
    capabilities: { training: false, eager: true, devices: ['cuda'], dtypes: ['float32'], ops: ['relu', 'sigmoid', 'conv2d'] },
    expectDevice: 'cuda',
    tolerance: { rtol: 1e-3 },
    date: new Date('2025-01-02T03:04:05.000Z'),
    ms: 1234,
    results: [
      { id: 'relu/hand/basic', op: 'relu', level: 'op', status: 'passed', ms: 1 },
      { id: 'relu/hand/two', op: 'relu', level: 'op', status: 'passed', ms: 1 },
      { id: 'sigmoid/hand/basic', op: 'sigmoid', level: 'op', status: 'failed', reason: "output 'y': a | b\nsecond line", ms: 1 },
      { id: 'conv2d/hand/x', op: 'conv2d', level: 'op', status: 'skipped', reason: 'engine lacks dilation', ms: 0 },
      { id: 'argMax/hand/rows', op: 'argMax', level: 'op', status: 'skipped', reason: 'backend does not declare op argMax', ms: 0 },
    ],
  });
}
