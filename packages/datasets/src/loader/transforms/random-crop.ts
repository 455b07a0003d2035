import { CnnkitError, type Rng } from '@cnnkit/core';
import type { ImageShape, Transform } from './transform';

export interface RandomCropOptions {
  /** Pixels of `fill` added on every side before cropping. */
  readonly padding: number;
  /** Crop [height, width] (default: the input's own size). */
  readonly size?: readonly [number, number];
  /** Value of the padding (default 0). */
  readonly fill?: number;
}

/**
 * torchvision's RandomCrop(size, padding, fill): pad every side by `padding`, then cut a
 * `size` window at a uniformly drawn top (first draw) and left (second draw). When the window
 * fits exactly there is nothing to choose and nothing is drawn, as in torchvision.
 */
export function randomCrop(options: RandomCropOptions): Transform {
  const where = 'randomCrop';
  const { padding, size } = options;
  const fill = options.fill ?? 0;
  if (!Number.isInteger(padding) || padding < 0) throw new CnnkitError('INVALID_ARGUMENT', `${where}: padding is ${padding}; expected a non-negative integer`);
  if (size !== undefined && !(size.length === 2 && size.every((d) => Number.isInteger(d) && d >= 1))) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: size is ${JSON.stringify(size)}; expected [height, width], two positive integers`);
  }
  if (!Number.isFinite(fill)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: fill is ${fill}; expected a finite number`);

  const outputShape = (shape: ImageShape): ImageShape => [shape[0], size?.[0] ?? shape[1], size?.[1] ?? shape[2]];
  const crop = (sample: Float32Array, shape: ImageShape, rng: Rng): Float32Array => {
    const [c, h, w] = shape;
    const [, cropH, cropW] = outputShape(shape);
    const paddedH = h + 2 * padding;
    const paddedW = w + 2 * padding;
    if (cropH > paddedH || cropW > paddedW) {
      throw new CnnkitError('SHAPE_MISMATCH', `${where}: crop ${cropH}×${cropW} is larger than the padded image ${paddedH}×${paddedW} (input [${shape.join(', ')}], padding ${padding}); expected a crop that fits`);
    }
    const top = paddedH === cropH ? 0 : Math.floor(rng.nextFloat() * (paddedH - cropH + 1));
    const left = paddedW === cropW ? 0 : Math.floor(rng.nextFloat() * (paddedW - cropW + 1));
    const out = new Float32Array(c * cropH * cropW).fill(fill);
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < cropH; y++) {
        const sy = top + y - padding;
        if (sy < 0 || sy >= h) continue;
        for (let x = 0; x < cropW; x++) {
          const sx = left + x - padding;
          if (sx >= 0 && sx < w) out[(ch * cropH + y) * cropW + x] = sample[(ch * h + sy) * w + sx]!;
        }
      }
    }
    return out;
  };
  return Object.assign(crop, { outputShape });
}
