// Test helpers (not exported from the package): write small PNG / JPEG files with pngjs / jpeg-js.
import { writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';

/** byte(c, y, x) = (37c + 23y + 11x + 7yx) mod 256: the formula scripts/resize-golden.py uses. */
export function formulaRgb(height: number, width: number): Uint8Array {
  const rgba = new Uint8Array(height * width * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) rgba[4 * (y * width + x) + c] = (37 * c + 23 * y + 11 * x + 7 * y * x) % 256;
      rgba[4 * (y * width + x) + 3] = 255;
    }
  }
  return rgba;
}

/** A flat-colour RGBA image. */
export function solidRgb(height: number, width: number, rgb: readonly [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(height * width * 4);
  for (let p = 0; p < height * width; p++) rgba.set([...rgb, 255], 4 * p);
  return rgba;
}

export function writePng(file: string, width: number, height: number, rgba: Uint8Array): void {
  const png = new pngjs.PNG({ width, height });
  png.data = Buffer.from(rgba);
  writeFileSync(file, pngjs.PNG.sync.write(png));
}

export function writeJpeg(file: string, width: number, height: number, rgba: Uint8Array, quality = 95): void {
  writeFileSync(file, jpeg.encode({ width, height, data: rgba }, quality).data);
}
