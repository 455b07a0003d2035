import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('demo', 'demo')).toBe(0);
    expect(editDistance('dem', 'demo')).toBe(1);
    expect(editDistance('demoo', 'demo')).toBe(1);
    expect(editDistance('dema', 'demo')).toBe(1);
    expect(editDistance('dmeo', 'demo')).toBe(1);
    expect(editDistance('', 'info')).toBe(4);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('closest', () => {
  const names = ['conformance', 'info', 'demo'];
  it('suggests the likely intent of a typo or a prefix', () => {
    expect(closest('inof', names)).toBe('info');
    expect(closest('conformnace', names)).toBe('conformance');
    expect(closest('conf', names)).toBe('conformance');
  });
  it('suggests nothing for a word that resembles none', () => {
    expect(closest('train', names)).toBeUndefined();
    expect(closest('x', names)).toBeUndefined();
  });
});
