import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isCnnkitError } from '@cnnkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadImageFolder } from './load-image-folder';
import { formulaRgb, solidRgb, writeJpeg, writePng } from './test-images';

interface GoldenCase {
  readonly input: [number, number];
  readonly size: [number, number];
  readonly channels: 1 | 3;
  readonly expected: number[];
}
// torch interpolate goldens: /usr/bin/python3 packages/datasets/scripts/resize-golden.py
const GOLDEN = JSON.parse(readFileSync(new URL('./fixtures/resize-golden.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

const ORANGE: [number, number, number] = [250, 120, 10];
const TEAL: [number, number, number] = [20, 160, 150];

let root = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cnnkit-imagefolder-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function folder(...parts: string[]): string {
  const dir = path.join(root, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Three classes of 5×7 pictures; sorted by code units 'Zebra' < 'bird' < 'cat'. */
function writeThreeClasses(): void {
  writePng(path.join(folder('bird'), 'a.png'), 7, 5, formulaRgb(5, 7));
  writeJpeg(path.join(folder('bird'), 'b.JPG'), 7, 5, solidRgb(5, 7, ORANGE));
  writePng(path.join(folder('cat'), 'x.png'), 7, 5, solidRgb(5, 7, TEAL));
  writeFileSync(path.join(folder('cat'), 'notes.txt'), 'not an image, ignored');
  writePng(path.join(folder('cat', 'nested'), 'ignored.png'), 7, 5, solidRgb(5, 7, TEAL));
  writeJpeg(path.join(folder('Zebra'), 'z.jpeg'), 7, 5, solidRgb(5, 7, TEAL));
}

describe('loadImageFolder', () => {
  it('labels by sorted class folder, reads PNG exactly and JPEG closely, ignores other files', async () => {
    writeThreeClasses();
    const d = await loadImageFolder(root);
    expect(d.classes).toEqual(['Zebra', 'bird', 'cat']);
    expect(d.count).toBe(4);
    expect(d.shape).toEqual([3, 5, 7]);
    expect([...d.labels]).toEqual([0, 1, 1, 2]);
    const plane = 35;
    const sample = (i: number): Float32Array => d.images.subarray(i * 3 * plane, (i + 1) * 3 * plane);
    // bird/a.png (sample 1): every byte back exactly, planar RGB.
    const rgba = formulaRgb(5, 7);
    const expected = new Float32Array(3 * plane);
    for (let p = 0; p < plane; p++) for (let c = 0; c < 3; c++) expected[c * plane + p] = rgba[4 * p + c]! / 255;
    expect([...sample(1)]).toEqual([...expected]);
    // bird/b.JPG (sample 2): a flat orange survives JPEG within a few levels.
    for (let c = 0; c < 3; c++) {
      for (const v of sample(2).subarray(c * plane, (c + 1) * plane)) expect(Math.abs(v * 255 - ORANGE[c]!)).toBeLessThanOrEqual(3);
    }
    // cat/x.png (sample 3): exact teal.
    expect(sample(3)[0]).toBe(Math.fround(TEAL[0] / 255));
    expect(sample(3)[plane]).toBe(Math.fround(TEAL[1] / 255));
    expect(sample(3)[2 * plane]).toBe(Math.fround(TEAL[2] / 255));
  });

  it('converts to grey with ITU-R 601 luma', async () => {
    writePng(path.join(folder('only'), 'teal.png'), 2, 2, solidRgb(2, 2, TEAL));
    const d = await loadImageFolder(root, { channels: 1 });
    expect(d.shape).toEqual([1, 2, 2]);
    // 0.299·20 + 0.587·160 + 0.114·150 = 5.98 + 93.92 + 17.1 = 117.0
    for (const v of d.images) expect(v * 255).toBeCloseTo(117.0, 4);
  });

  it('resizes like torch interpolate (bilinear, align_corners=False), in colour and in grey', async () => {
    writePng(path.join(folder('one'), 'formula.png'), 7, 5, formulaRgb(5, 7));
    const rgbCase = GOLDEN.cases.find((c) => c.channels === 3 && c.input[0] === 5 && c.size[0] === 3)!;
    const greyCase = GOLDEN.cases.find((c) => c.channels === 1)!;
    const rgb = await loadImageFolder(root, { size: [3, 4] });
    expect(rgb.shape).toEqual([3, 3, 4]);
    rgb.images.forEach((v, i) => expect(Math.abs(v - rgbCase.expected[i]!)).toBeLessThan(1e-6));
    const grey = await loadImageFolder(root, { size: [3, 4], channels: 1 });
    expect(grey.shape).toEqual([1, 3, 4]);
    grey.images.forEach((v, i) => expect(Math.abs(v - greyCase.expected[i]!)).toBeLessThan(1e-6));
  });

  it('takes `limit` images round-robin across classes', async () => {
    for (const name of ['a', 'b']) for (const file of ['1.png', '2.png', '3.png']) writePng(path.join(folder(name), file), 2, 2, solidRgb(2, 2, TEAL));
    const d = await loadImageFolder(root, { limit: 3 });
    expect([...d.labels]).toEqual([0, 0, 1]);
  });

  it('names the odd file when sizes differ and no size is given', async () => {
    writePng(path.join(folder('a'), '1.png'), 4, 4, solidRgb(4, 4, TEAL));
    writePng(path.join(folder('b'), '2.png'), 5, 4, solidRgb(4, 5, TEAL));
    const error = await loadImageFolder(root).catch((e: unknown) => e);
    expect(isCnnkitError(error, 'SHAPE_MISMATCH')).toBe(true);
    expect((error as Error).message).toContain(path.join(root, 'b', '2.png'));
    expect((error as Error).message).toContain('size option');
    const resized = await loadImageFolder(root, { size: [4, 4] });
    expect(resized.count).toBe(2);
  });

  it('rejects empty class folders, foreign files, broken images and missing roots by name', async () => {
    writePng(path.join(folder('a'), '1.png'), 2, 2, solidRgb(2, 2, TEAL));
    writeFileSync(path.join(folder('empty'), 'readme.md'), 'no images here');
    await expect(loadImageFolder(root)).rejects.toThrow(`class folder ${path.join(root, 'empty')} holds no .png, .jpg or .jpeg files`);
    rmSync(path.join(root, 'empty'), { recursive: true });

    writeFileSync(path.join(folder('a'), 'fake.png'), 'plain text with a .png name');
    await expect(loadImageFolder(root)).rejects.toThrow(`${path.join(root, 'a', 'fake.png')} starts with neither the PNG nor the JPEG signature`);
    rmSync(path.join(root, 'a', 'fake.png'));

    const good = readFileSync(path.join(root, 'a', '1.png'));
    writeFileSync(path.join(root, 'a', 'broken.png'), good.subarray(0, 30));
    await expect(loadImageFolder(root)).rejects.toThrow(`${path.join(root, 'a', 'broken.png')}: could not decode it as a PNG`);

    await expect(loadImageFolder(path.join(root, 'nowhere'))).rejects.toThrow(`cannot list ${path.join(root, 'nowhere')}`);
    const emptyRoot = mkdtempSync(path.join(tmpdir(), 'cnnkit-imagefolder-empty-'));
    try {
      await expect(loadImageFolder(emptyRoot)).rejects.toThrow('has no sub-folders');
    } finally {
      rmSync(emptyRoot, { recursive: true, force: true });
    }
  });

  it('rejects bad options', async () => {
    await expect(loadImageFolder(root, { channels: 2 as 1 })).rejects.toThrow(/channels is 2; expected 1 or 3/);
    await expect(loadImageFolder(root, { size: [0, 3] })).rejects.toThrow(/size is \[0,3\]/);
  });
});
