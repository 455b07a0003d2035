import { CnnkitError } from '@cnnkit/core';

/**
 * Bilinear resize of a planar [c, h, w] float image to [c, outHeight, outWidth] with PyTorch's
 * `interpolate(mode='bilinear', align_corners=False, antialias=False)` rule: output pixel i
 * samples the input at (i + 0.5) · in/out − 0.5, clamped at 0 below and to the last pixel
 * above. Without antialiasing, a large downscale skips input pixels (as torch does).
 */
export function resizeBilinear(
  image: Float32Array,
  shape: readonly [c: number, h: number, w: number],
  size: readonly [height: number, width: number],
): Float32Array {
  const [c, h, w] = shape;
  const [outH, outW] = size;
  if (![outH, outW].every((d) => Number.isInteger(d) && d >= 1)) {
    throw new CnnkitError('INVALID_ARGUMENT', `resizeBilinear: size is [${size.join(', ')}]; expected two positive integers [height, width]`);
  }
  if (image.length !== c * h * w) {
    throw new CnnkitError('SHAPE_MISMATCH', `resizeBilinear: image has ${image.length} values; expected ${c * h * w} for shape [${shape.join(', ')}]`);
  }
  const rows = sourceTaps(h, outH);
  const cols = sourceTaps(w, outW);
  const out = new Float32Array(c * outH * outW);
  for (let ch = 0; ch < c; ch++) {
    const plane = ch * h * w;
    for (let y = 0; y < outH; y++) {
      const y0 = rows.lo[y]!;
      const y1 = rows.hi[y]!;
      const ly = rows.weight[y]!;
      for (let x = 0; x < outW; x++) {
        const x0 = cols.lo[x]!;
        const x1 = cols.hi[x]!;
        const lx = cols.weight[x]!;
        const top = (1 - lx) * image[plane + y0 * w + x0]! + lx * image[plane + y0 * w + x1]!;
        const bottom = (1 - lx) * image[plane + y1 * w + x0]! + lx * image[plane + y1 * w + x1]!;
        out[(ch * outH + y) * outW + x] = (1 - ly) * top + ly * bottom;
      }
    }
  }
  return out;
}

/** For each output index: the two input neighbours and the weight of the upper one. */
function sourceTaps(inSize: number, outSize: number): { lo: Int32Array; hi: Int32Array; weight: Float64Array } {
  const scale = inSize / outSize;
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const weight = new Float64Array(outSize);
  for (let i = 0; i < outSize; i++) {
    const source = Math.max(0, (i + 0.5) * scale - 0.5);
    const low = Math.min(Math.floor(source), inSize - 1);
    lo[i] = low;
    hi[i] = Math.min(low + 1, inSize - 1);
    weight[i] = source - low;
  }
  return { lo, hi, weight };
}
