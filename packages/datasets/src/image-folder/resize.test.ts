import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resizeBilinear } from './resize';
import { formulaRgb } from './test-images';

interface GoldenCase {
  readonly input: [number, number];
  readonly size: [number, number];
  readonly channels: 1 | 3;
  readonly expected: number[];
}
// Produced by torch.nn.functional.interpolate(bilinear, align_corners=False, antialias=False):
// /usr/bin/python3 packages/datasets/scripts/resize-golden.py > packages/datasets/src/image-folder/fixtures/resize-golden.json
const GOLDEN = JSON.parse(readFileSync(new URL('./fixtures/resize-golden.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

function planarRgb(height: number, width: number): Float32Array {
  const rgba = formulaRgb(height, width);
  const out = new Float32Array(3 * height * width);
  for (let p = 0; p < height * width; p++) for (let c = 0; c < 3; c++) out[c * height * width + p] = rgba[4 * p + c]! / 255;
  return out;
}

describe('resizeBilinear', () => {
  for (const golden of GOLDEN.cases.filter((c) => c.channels === 3)) {
    it(`matches torch interpolate for ${golden.input.join('×')} -> ${golden.size.join('×')}`, () => {
      const [h, w] = golden.input;
      const out = resizeBilinear(planarRgb(h, w), [3, h, w], golden.size);
      expect(out.length).toBe(golden.expected.length);
      out.forEach((v, i) => expect(Math.abs(v - golden.expected[i]!)).toBeLessThan(1e-6));
    });
  }

  it('is the identity at the same size and averages a 2×2 block to its middle', () => {
    const image = Float32Array.of(0, 1, 2, 3);
    expect([...resizeBilinear(image, [1, 2, 2], [2, 2])]).toEqual([0, 1, 2, 3]);
    expect([...resizeBilinear(image, [1, 2, 2], [1, 1])]).toEqual([1.5]);
  });

  it('rejects a bad size or a mismatched buffer', () => {
    expect(() => resizeBilinear(new Float32Array(4), [1, 2, 2], [0, 2])).toThrow(/size is \[0, 2\]/);
    expect(() => resizeBilinear(new Float32Array(3), [1, 2, 2], [1, 1])).toThrow(/3 values; expected 4/);
  });
});
