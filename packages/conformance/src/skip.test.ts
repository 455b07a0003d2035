import type { BackendCapabilities } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { argMaxCase, conv2dGradientCase, fakeTrainingRun, reluCase, reluGradientCase, sigmoidCase, trainingCase } from '../test/fake-backend';
import { planCases } from './plan';
import { skipReason, validateSkips } from './skip';

const caps: BackendCapabilities = { training: false, eager: true, devices: ['cpu'], dtypes: ['float32'], ops: ['relu', 'sigmoid', 'argMax'] };

describe('skipReason', () => {
  it('runs a case the backend declares everything for', () => {
    expect(skipReason(reluCase, caps)).toBeUndefined();
  });

  it('skips an op the backend does not declare', () => {
    expect(skipReason(reluCase, { ...caps, ops: ['sigmoid'] })).toBe('backend does not declare op relu');
  });

  it('skips training cases unless the backend declares training, before looking at ops', () => {
    for (const c of [trainingCase, reluGradientCase, fakeTrainingRun([2, 1])]) {
      expect(skipReason(c, caps), c.id).toBe('backend does not declare training capability');
      expect(skipReason(c, { ...caps, ops: [] }), c.id).toBe('backend does not declare training capability');
    }
    expect(skipReason(trainingCase, { ...caps, training: true })).toBeUndefined();
  });

  it('skips training cases on a backend that declares training but not eager kernels', () => {
    expect(skipReason(reluGradientCase, { ...caps, training: true, eager: false })).toBe('backend does not declare eager execution, which training cases run on');
  });

  it('skips a gradient case unless the backend declares its op, its backward kernels and the loss kernels', () => {
    const training = { ...caps, training: true, ops: ['relu', 'mul', 'reduceSum', 'add', 'conv2d', 'conv2dBackwardInput', 'conv2dBackwardFilter'] } as const;
    expect(skipReason(reluGradientCase, training)).toBeUndefined();
    expect(skipReason(conv2dGradientCase, training)).toBeUndefined();
    expect(skipReason(reluGradientCase, { ...training, ops: ['mul', 'reduceSum', 'add'] })).toBe('backend does not declare op relu');
    expect(skipReason(conv2dGradientCase, { ...training, ops: training.ops.filter((op) => op !== 'conv2dBackwardFilter') })).toBe(
      'backend does not declare op conv2dBackwardFilter, which the conv2d gradient needs',
    );
    expect(skipReason(conv2dGradientCase, { ...training, ops: ['conv2d', 'mul', 'add'] })).toBe(
      'backend does not declare op conv2dBackwardInput, conv2dBackwardFilter, reduceSum, which the conv2d gradient needs',
    );
  });

  it('skips a training run unless the backend declares every op it runs, naming the run', () => {
    const run = fakeTrainingRun([2, 1], 'training:fake/steps', ['relu', 'maxPool2d', 'maxPool2dBackward']);
    expect(skipReason(run, { ...caps, training: true, ops: ['relu', 'maxPool2d'] })).toBe('backend does not declare op maxPool2dBackward, which training:fake needs');
    expect(skipReason(run, { ...caps, training: true, ops: ['relu', 'maxPool2d', 'maxPool2dBackward'] })).toBeUndefined();
  });

  it('skips a case whose tensors use a dtype the backend does not declare', () => {
    expect(skipReason(argMaxCase, caps)).toBe('backend does not declare dtype int32');
    expect(skipReason(argMaxCase, { ...caps, dtypes: ['float32', 'int32'] })).toBeUndefined();
  });

  it('gives the caller reason for a skipped op, to its forward and gradient cases', () => {
    expect(skipReason(reluCase, caps, { ops: { relu: 'engine X lacks it' } })).toBe('engine X lacks it');
    expect(skipReason(sigmoidCase, caps, { ops: { relu: 'engine X lacks it' } })).toBeUndefined();
    const training = { ...caps, training: true, ops: ['relu', 'mul', 'reduceSum', 'add'] } as const;
    expect(skipReason(reluGradientCase, training, { ops: { relu: 'engine X lacks it' } })).toBe('engine X lacks it');
  });

  it('matches case ids exactly, or by a prefix ending in "/", the exact id winning over the longest prefix', () => {
    const cases = { 'relu/': 'all relu', 'relu/hand/': 'hand relu', 'relu/hand/basic': 'this one', 'sigmoid/hand': 'no slash: exact only' };
    expect(skipReason(reluCase, caps, { cases })).toBe('this one');
    const { 'relu/hand/basic': _, ...prefixes } = cases;
    expect(skipReason(reluCase, caps, { cases: prefixes })).toBe('hand relu');
    expect(skipReason(sigmoidCase, caps, { cases })).toBeUndefined();
    expect(skipReason(reluCase, caps, { cases: { 'relu/h': 'not a whole segment' } })).toBeUndefined();
  });

  it('puts what the backend cannot do before what the caller declares', () => {
    expect(skipReason(reluCase, { ...caps, ops: [] }, { cases: { 'relu/': 'caller' } })).toBe('backend does not declare op relu');
  });
});

describe('validateSkips', () => {
  it('accepts reasons and nothing', () => {
    expect(() => validateSkips()).not.toThrow();
    expect(() => validateSkips({ ops: { conv2d: 'why' }, cases: { 'relu/': 'why' } })).not.toThrow();
  });

  it('rejects an empty or blank reason: skips are never silent', () => {
    expect(() => validateSkips({ cases: { 'relu/hand/basic': '' } })).toThrow(/skip\.cases\['relu\/hand\/basic'\] has an empty reason/);
    expect(() => validateSkips({ ops: { conv2d: '  ' } })).toThrow(/skip\.ops\['conv2d'\] has an empty reason/);
  });

  it('rejects an op outside the op set and an empty case id', () => {
    expect(() => validateSkips({ ops: { conv3d: 'why' } as never })).toThrow(/unknown op 'conv3d'/);
    expect(() => validateSkips({ cases: { '': 'why' } })).toThrow(/empty case id/);
  });
});

describe('planCases', () => {
  it('keeps the filtered cases in order, each with its skip decision', () => {
    const plan = planCases(caps, { cases: [reluCase, sigmoidCase, argMaxCase, trainingCase], filter: (c) => !c.id.startsWith('sigmoid/') });
    expect(plan.map((p) => [p.case.id, p.skip])).toEqual([
      ['relu/hand/basic', undefined],
      ['argMax/hand/rows', 'backend does not declare dtype int32'],
      ['relu/training/grad', 'backend does not declare training capability'],
    ]);
  });

  it('rejects duplicate case ids and skips without a reason', () => {
    expect(() => planCases(caps, { cases: [reluCase, reluCase] })).toThrow(/'relu\/hand\/basic' appears twice/);
    expect(() => planCases(caps, { cases: [reluCase], skip: { cases: { x: '' } } })).toThrow(/empty reason/);
  });
});
