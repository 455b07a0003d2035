import { buildReport, type SuiteReport } from '../src/report';

/** A report with one of each status in each section, free text that needs escaping, and a fallback. */
export function sampleReport(): SuiteReport {
  return buildReport({
    backend: { name: 'fake', device: 'cuda', description: 'Test GPU | 2 GB', versions: { fake: '1.2.3', node: 'v20' }, fallback: 'none really' },
    capabilities: { training: false, eager: true, devices: ['cuda'], dtypes: ['float32'], ops: ['relu', 'sigmoid', 'conv2d'] },
    expectDevice: 'cuda',
    tolerance: { rtol: 1e-3 },
    date: new Date('2025-01-02T03:04:05.000Z'),
    ms: 1234,
    results: [
      { id: 'relu/hand/basic', kind: 'op', level: 'op', subject: 'relu', status: 'passed', ms: 1 },
      { id: 'relu/hand/two', kind: 'op', level: 'op', subject: 'relu', status: 'passed', ms: 1 },
      { id: 'sigmoid/hand/basic', kind: 'op', level: 'op', subject: 'sigmoid', status: 'failed', reason: "output 'y': a | b\nsecond line", ms: 1 },
      { id: 'conv2d/hand/x', kind: 'op', level: 'op', subject: 'conv2d', status: 'skipped', reason: 'engine lacks dilation', ms: 0 },
      { id: 'argMax/hand/rows', kind: 'op', level: 'op', subject: 'argMax', status: 'skipped', reason: 'backend does not declare op argMax', ms: 0 },
      { id: 'model:lenet5/pytorch/28x28', kind: 'model', level: 'model', subject: 'model:lenet5', status: 'passed', ms: 5 },
      { id: 'model:vgg11/pytorch/224x224', kind: 'model', level: 'model', subject: 'model:vgg11', status: 'skipped', reason: 'backend does not declare op maxPool2d, which model:vgg11 needs', ms: 0 },
      { id: 'model:tiny/pytorch/8x8', kind: 'model', level: 'model', subject: 'model:tiny', status: 'failed', reason: "output 'logits': 3 of 10 values differ", ms: 5 },
      { id: 'relu/grad/fd/basic', kind: 'gradient', level: 'training', subject: 'relu', status: 'passed', ms: 2 },
      { id: 'sigmoid/grad/pytorch/basic', kind: 'gradient', level: 'training', subject: 'sigmoid', status: 'failed', reason: "dx: 1 of 3 values differ", ms: 2 },
      { id: 'optimizer:adam/pytorch/basic', kind: 'optimizer', level: 'training', subject: 'optimizer:adam', status: 'passed', ms: 3 },
      { id: 'training:lenet5/sgd', kind: 'model-training', level: 'training', subject: 'training:lenet5', status: 'skipped', reason: 'backend does not declare training capability', ms: 0 },
      { id: 'training:tiny/sgd', kind: 'model-training', level: 'training', subject: 'training:tiny', status: 'passed', ms: 4 },
    ],
  });
}
