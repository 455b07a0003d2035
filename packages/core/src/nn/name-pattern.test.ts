import { describe, expect, it } from 'vitest';
import { describePattern, nameMatcher } from './name-pattern';

const names = ['conv1.weight', 'layer1.0.conv1.weight', 'layer10.weight', 'layer1_extra.bias', 'fc.weight', 'fc.bias'];
const pick = (pattern: string | RegExp): string[] => names.filter(nameMatcher(pattern));

describe('nameMatcher', () => {
  it('treats a plain string as a prefix at a dot boundary, or the whole name', () => {
    expect(pick('layer1')).toEqual(['layer1.0.conv1.weight']);
    expect(pick('layer1.')).toEqual(['layer1.0.conv1.weight']);
    expect(pick('fc.weight')).toEqual(['fc.weight']);
    expect(pick('fc.w')).toEqual([]);
  });

  it("treats '*' as any run of characters, dots included, over the whole name", () => {
    expect(pick('layer1*')).toEqual(['layer1.0.conv1.weight', 'layer10.weight', 'layer1_extra.bias']);
    expect(pick('*.conv1.*')).toEqual(['layer1.0.conv1.weight']);
    expect(pick('*bias')).toEqual(['layer1_extra.bias', 'fc.bias']);
    // Regex metacharacters other than '*' are literal.
    expect(pick('fc.*')).toEqual(['fc.weight', 'fc.bias']);
    expect(nameMatcher('a+b*')('a+bc')).toBe(true);
    expect(nameMatcher('a+b*')('aabc')).toBe(false);
  });

  it('tests a RegExp, ignoring g and y so repeated calls agree', () => {
    const m = nameMatcher(/^fc\./gy);
    expect([m('fc.weight'), m('fc.weight'), m('fc.bias')]).toEqual([true, true, true]);
    expect(pick(/conv1/)).toEqual(['conv1.weight', 'layer1.0.conv1.weight']);
  });

  it('describes patterns for error messages', () => {
    expect(describePattern('fc')).toBe("'fc'");
    expect(describePattern(/^fc/i)).toBe('/^fc/i');
  });
});
