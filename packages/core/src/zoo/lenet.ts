import * as F from '../eager/functional';
import { CnnkitError } from '../errors';
import { Conv2d } from '../nn/layers/conv2d';
import { checkInput } from '../nn/layers/layer-args';
import { Linear } from '../nn/layers/linear';
import { Module } from '../nn/module';
import { formatShape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { type CommonModelOptions, initPlan, intOption } from './options';

export interface LeNet5Options extends CommonModelOptions {
  /** Default 10. */
  readonly numClasses?: number;
  /** 28 (MNIST, the default: conv1 pads 2) or 32 (LeCun et al. 1998's input: no pad). */
  readonly inputSize?: number;
}

/**
 * LeNet-5 as PyTorch tutorials write it (LeCun et al. 1998 with ReLU and max pooling):
 *
 *   conv1 (1→6, 5×5) – relu – maxpool 2 – conv2 (6→16, 5×5) – relu – maxpool 2 – flatten (16·5·5)
 *   – fc1 (400→120) – relu – fc2 (120→84) – relu – fc3 (84→numClasses)
 *
 * on 1 × 28 × 28 images (conv1 pads 2, so conv2 still sees 14 × 14) or the classic 1 × 32 × 32
 * (no pad). Both have the same 61,706 parameters: 156 + 2,416 + 48,120 + 10,164 + 850. Every
 * layer keeps PyTorch's default init; the output is logits (softmax them for probabilities).
 */
export class LeNet5 extends Module {
  readonly inputSize: 28 | 32;
  readonly numClasses: number;
  conv1: Conv2d;
  conv2: Conv2d;
  fc1: Linear;
  fc2: Linear;
  fc3: Linear;

  constructor(options: LeNet5Options = {}) {
    super();
    const where = 'lenet5';
    this.numClasses = intOption(options.numClasses, 10, 'numClasses', where, 1);
    const size = options.inputSize ?? 28;
    if (size !== 28 && size !== 32) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: inputSize is ${JSON.stringify(options.inputSize)}; expected 28 (MNIST, conv1 pads 2) or 32 (the classic input, no pad)`);
    }
    this.inputSize = size;
    const layers = initPlan(options).kept((rng) => ({
      conv1: new Conv2d(1, 6, 5, { padding: size === 28 ? 2 : 0, rng }),
      conv2: new Conv2d(6, 16, 5, { rng }),
      fc1: new Linear(16 * 5 * 5, 120, { rng }),
      fc2: new Linear(120, 84, { rng }),
      fc3: new Linear(84, this.numClasses, { rng }),
    }));
    this.conv1 = this.register('conv1', layers.conv1);
    this.conv2 = this.register('conv2', layers.conv2);
    this.fc1 = this.register('fc1', layers.fc1);
    this.fc2 = this.register('fc2', layers.fc2);
    this.fc3 = this.register('fc3', layers.fc3);
  }

  forward(x: Tensor): Tensor {
    checkInput(x, [4], 'N, 1, H, W', this.describe(), 1);
    if (x.shape[2] !== this.inputSize || x.shape[3] !== this.inputSize) {
      throw new CnnkitError('SHAPE_MISMATCH', `${this.describe()}: input has shape ${formatShape(x.shape)}; expected [N, 1, ${this.inputSize}, ${this.inputSize}] (fc1 takes exactly 16·5·5 features)`, { shape: x.shape });
    }
    const pool = { kernelSize: [2, 2] };
    let y = F.maxPool2d(F.relu(this.conv1.call(x)), pool);
    y = F.maxPool2d(F.relu(this.conv2.call(y)), pool);
    y = F.flatten(y, 1);
    y = F.relu(this.fc1.call(y));
    y = F.relu(this.fc2.call(y));
    return this.fc3.call(y);
  }

  override extraRepr(): string {
    return `input_size=${this.inputSize}, num_classes=${this.numClasses}`;
  }
}

export function lenet5(options: LeNet5Options = {}): LeNet5 {
  return new LeNet5(options);
}
