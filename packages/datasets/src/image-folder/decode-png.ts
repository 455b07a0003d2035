import { CnnkitError } from '@cnnkit/core';
import pngjs from 'pngjs';
import type { DecodedImage } from './decoded-image';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Decodes a PNG of any colour type (grey, palette, RGB, with or without alpha; 16-bit samples
 * rescaled to 8) to RGBA. `source` names the file in errors.
 */
export function decodePng(bytes: Uint8Array, source: string): DecodedImage {
  try {
    const png = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
  } catch (error) {
    throw new CnnkitError('IO', `${source}: could not decode it as a PNG (${(error as Error).message}); expected a valid PNG file`, { file: source }, { cause: error });
  }
}
