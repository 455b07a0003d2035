import { CnnkitError } from '@cnnkit/core';
import jpeg from 'jpeg-js';
import type { DecodedImage } from './decoded-image';

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Decodes a baseline or progressive JPEG (jpeg-js, pure JS) to RGBA. `source` names the file in errors. */
export function decodeJpeg(bytes: Uint8Array, source: string): DecodedImage {
  try {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { width: image.width, height: image.height, rgba: image.data };
  } catch (error) {
    throw new CnnkitError('IO', `${source}: could not decode it as a JPEG (${(error as Error).message}); expected a valid JPEG file`, { file: source }, { cause: error });
  }
}
