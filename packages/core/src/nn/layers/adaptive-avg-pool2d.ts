import { CnnkitError } from '../../errors';
import * as F from '../../eager/functional';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkInput } from './layer-args';

/**
 * torch.nn.AdaptiveAvgPool2d: N, C, H, W -> N, C, oH, oW, where output cell i along an axis of
 * input length n averages the input cells [floor(i·n / o), ceil((i + 1)·n / o)), as PyTorch.
 * The op set has no adaptive pool, so it is built from the ops that give the same numbers:
 * - output 1 × 1: globalAvgPool (ResNet's head);
 * - every input size a multiple of the output's (VGG's 7 × 7 from 224 input, 14 → 7): avgPool2d
 *   with kernel = stride = n / o, or nothing at all when the sizes are already equal;
 * - otherwise (unequal or overlapping bins, e.g. VGG on 32 × 32 images, whose 1 × 1 map becomes
 *   7 × 7): per axis one slice + mean for each output cell, concatenated. Pooling the rows and then
 *   the columns is exact, because the mean of a rectangle is the mean of its rows' means when
 *   the rows have the same width.
 */
export class AdaptiveAvgPool2d extends Module {
  readonly outputSize: readonly [number, number];
  readonly #given: number | readonly [number, number];

  constructor(outputSize: number | readonly [number, number] = 1) {
    super();
    const list = typeof outputSize === 'number' ? [outputSize, outputSize] : Array.isArray(outputSize) ? [...(outputSize as readonly unknown[])] : [];
    if (list.length !== 2 || !list.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1)) {
      throw new CnnkitError('INVALID_ARGUMENT', `AdaptiveAvgPool2d: outputSize ${JSON.stringify(outputSize)} is not supported; expected a positive integer or two of them ([oH, oW])`);
    }
    this.outputSize = [list[0] as number, list[1] as number];
    this.#given = outputSize;
  }

  forward(x: Tensor): Tensor {
    checkInput(x, [4], 'N, C, H, W', this.describe());
    const [oh, ow] = this.outputSize;
    const h = x.shape[2]!;
    const w = x.shape[3]!;
    if (oh === 1 && ow === 1) return F.globalAvgPool(x);
    if (h % oh === 0 && w % ow === 0) {
      if (h === oh && w === ow) return x;
      const kernel = [h / oh, w / ow];
      return F.avgPool2d(x, { kernelSize: kernel, strides: kernel });
    }
    return poolAxis(poolAxis(x, 2, oh), 3, ow);
  }

  override extraRepr(): string {
    const g = this.#given;
    return `output_size=${typeof g === 'number' ? g : `(${g.join(', ')})`}`;
  }
}

/** Adaptive average over one axis: output cell i is the mean of input [floor(i·n/o), ceil((i+1)·n/o)). */
function poolAxis(x: Tensor, axis: number, o: number): Tensor {
  const n = x.shape[axis]!;
  if (n === o) return x;
  const cells: Tensor[] = [];
  for (let i = 0; i < o; i++) {
    const start = Math.floor((i * n) / o);
    const end = Math.ceil(((i + 1) * n) / o);
    cells.push(F.reduceMean(F.slice(x, [start], [end], [axis]), [axis], true));
  }
  return F.concat(cells, axis);
}
