import { CnnkitError } from '../errors';
import { formatShape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { intOption } from './options';

/** ImageNet models' default input side (3 × 224 × 224). */
export const IMAGENET_INPUT_SIZE = 224;

/** Five stride-2 stages divide the side by 32: below 32 the last map would be empty. */
export const IMAGENET_MIN_INPUT_SIZE = 32;

export function imagenetInputSize(value: unknown, where: string): number {
  return intOption(value, IMAGENET_INPUT_SIZE, 'inputSize', where, IMAGENET_MIN_INPUT_SIZE, ' (the network divides the side by 32)');
}

/** Checks an N, 3, H, W image batch with H, W >= minSize. */
export function checkImageInput(x: Tensor, where: string, minSize: number): void {
  const [, c, h, w] = x.shape;
  if (x.rank !== 4 || c !== 3 || h! < minSize || w! < minSize) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: input has shape ${formatShape(x.shape)}; expected [N, 3, H, W] with H, W >= ${minSize}`, { shape: x.shape });
  }
}
