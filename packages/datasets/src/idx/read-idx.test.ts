import { describe, expect, it } from 'vitest';
import { parseIdx } from './read-idx';

// A hand-made 2×3 unsigned-byte IDX: magic 00 00 08 02, sizes 2 and 3, then 6 bytes.
const tiny = new Uint8Array([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);

describe('parseIdx', () => {
  it('reads shape and data', () => {
    const a = parseIdx(tiny, 'tiny');
    expect(a.shape).toEqual([2, 3]);
    expect([...a.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('rejects a truncated file, naming it and the sizes', () => {
    expect(() => parseIdx(tiny.subarray(0, 15), 'cut.idx')).toThrow(/cut\.idx: 3 data bytes; expected 6/);
  });
  it('rejects a foreign file', () => {
    expect(() => parseIdx(new TextEncoder().encode('PK\u0003\u0004zip'), 'x.zip')).toThrow(/not an IDX file/);
    expect(() => parseIdx(new Uint8Array([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]), 'f.idx')).toThrow(/expected 0x08/);
  });
});
