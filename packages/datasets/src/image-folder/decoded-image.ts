/** A decoded picture: 8-bit RGBA, row-major, 4 bytes per pixel. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}
