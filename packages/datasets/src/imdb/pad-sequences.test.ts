import { describe, expect, it } from 'vitest';
import { padSequences } from './pad-sequences';

const SEQUENCES = [Int32Array.of(5, 6, 7, 8, 9), Int32Array.of(3, 4), Int32Array.of()];

describe('padSequences', () => {
  it('keeps the first `length` ids and pads at the end by default', () => {
    expect([...padSequences(SEQUENCES, { length: 3 })]).toEqual([5, 6, 7, 3, 4, 0, 0, 0, 0]);
  });
  it("truncates 'pre' (keeps the last ids) and pads 'pre' (padding first)", () => {
    expect([...padSequences(SEQUENCES, { length: 3, truncate: 'pre', pad: 'pre' })]).toEqual([7, 8, 9, 0, 3, 4, 0, 0, 0]);
    expect([...padSequences(SEQUENCES, { length: 3, truncate: 'pre', pad: 'post' })]).toEqual([7, 8, 9, 3, 4, 0, 0, 0, 0]);
    expect([...padSequences(SEQUENCES, { length: 3, truncate: 'post', pad: 'pre' })]).toEqual([5, 6, 7, 0, 3, 4, 0, 0, 0]);
  });
  it('uses the given padId and leaves exact-length rows alone', () => {
    expect([...padSequences([Int32Array.of(1, 2), Int32Array.of(4)], { length: 2, padId: 9 })]).toEqual([1, 2, 4, 9]);
  });
  it('rejects a bad length or mode', () => {
    expect(() => padSequences(SEQUENCES, { length: 0 })).toThrow(/length is 0; expected a positive integer/);
    expect(() => padSequences(SEQUENCES, { length: 2, pad: 'middle' as 'pre' })).toThrow(/pad is "middle"/);
  });
});
