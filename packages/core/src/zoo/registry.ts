import { CnnkitError } from '../errors';
import type { Module } from '../nn/module';
import type { Rng } from '../random/rng';
import type { DType } from '../tensor/dtype';
import { CIFAR_INPUT_SIZE, resnet20, resnet32, resnet56 } from './cifar-resnet';
import { imagenetInputSize } from './image-size';
import { lenet5 } from './lenet';
import { intOption } from './options';
import { resnet18, resnet34, resnet50, resnet101, resnet152 } from './resnet';
import { TEXT_CNN_DEFAULTS, textCnn } from './text-cnn';
import { vgg11, vgg11_bn, vgg13, vgg13_bn, vgg16, vgg16_bn, vgg19, vgg19_bn } from './vgg';

/** Options of createModel; each model takes the ones its family uses (see ModelSpec.options) and refuses the others. */
export interface ZooOptions {
  /** Classifier outputs (defaults: lenet5 and CIFAR ResNets 10, VGG and ResNet 1000, textCnn 2). */
  numClasses?: number;
  /** Side of the square image (lenet5: 28 or 32; CIFAR ResNets: 32; VGG / ResNet: 224, at least 32). */
  inputSize?: number;
  /** textCnn: embedding rows (default 20,000). */
  vocabSize?: number;
  /** textCnn: embedding width (default 128). */
  embeddingDim?: number;
  /** textCnn: tokens per sample in inputShape (default 400). */
  sequenceLength?: number;
  /** Generator for the initial weights (default: the global one, see manualSeed). */
  rng?: Rng;
  /** Build with every weight 0 instead of drawn (for a model about to load a state dict, or only counted). */
  skipInit?: boolean;
}

export type ModelFamily = 'lenet' | 'vgg' | 'resnet' | 'cifar-resnet' | 'textcnn';

export interface ModelSpec {
  /** 'lenet5', 'vgg11', 'vgg11_bn', ..., 'resnet18', ..., 'resnet20', 'resnet32', 'resnet56', 'textCnn'. */
  readonly name: string;
  readonly family: ModelFamily;
  readonly description: string;
  /** The ZooOptions keys this model takes. */
  readonly options: readonly (keyof ZooOptions)[];
  /** Input of one sample (no batch axis), e.g. { shape: [3, 224, 224], dtype: 'float32' }; textCnn: { shape: [L], dtype: 'int32' }. */
  inputShape(options?: ZooOptions): { shape: number[]; dtype: DType };
  create(options?: ZooOptions): Module;
}

const COMMON: readonly (keyof ZooOptions)[] = ['numClasses', 'rng', 'skipInit'];
const IMAGE_OPTIONS: readonly (keyof ZooOptions)[] = [...COMMON, 'inputSize'];
const TEXT_OPTIONS: readonly (keyof ZooOptions)[] = [...COMMON, 'vocabSize', 'embeddingDim', 'sequenceLength'];

function spec(
  name: string, family: ModelFamily, description: string, options: readonly (keyof ZooOptions)[],
  inputShape: (o: ZooOptions) => { shape: number[]; dtype: DType }, create: (o: ZooOptions) => Module,
): ModelSpec {
  const checked = (o: ZooOptions = {}): ZooOptions => {
    const refused = Object.keys(o).filter((k) => o[k as keyof ZooOptions] !== undefined && !options.includes(k as keyof ZooOptions));
    if (refused.length > 0) {
      throw new CnnkitError('INVALID_ARGUMENT', `${name}: does not take option${refused.length > 1 ? 's' : ''} ${refused.map((k) => `'${k}'`).join(', ')}; expected only ${options.map((k) => `'${k}'`).join(', ')}`);
    }
    return o;
  };
  return Object.freeze({
    name, family, description, options,
    inputShape: (o?: ZooOptions) => inputShape(checked(o)),
    create: (o?: ZooOptions) => create(checked(o)),
  });
}

const image = (channels: number, side: number): { shape: number[]; dtype: DType } => ({ shape: [channels, side, side], dtype: 'float32' });

function lenetSpec(): ModelSpec {
  return spec('lenet5', 'lenet', 'LeNet-5 (LeCun et al. 1998) with ReLU and max pooling, 1×28×28 (MNIST) or 1×32×32 input', IMAGE_OPTIONS, (o) => {
    const side = o.inputSize ?? 28;
    if (side !== 28 && side !== 32) throw new CnnkitError('INVALID_ARGUMENT', `lenet5: inputSize is ${JSON.stringify(o.inputSize)}; expected 28 or 32`);
    return image(1, side);
  }, lenet5);
}

function imagenetSpec(name: string, family: 'vgg' | 'resnet', description: string, create: (o: ZooOptions) => Module): ModelSpec {
  return spec(name, family, description, IMAGE_OPTIONS, (o) => image(3, imagenetInputSize(o.inputSize, name)), create);
}

function cifarSpec(name: string, description: string, create: (o: ZooOptions) => Module): ModelSpec {
  return spec(name, 'cifar-resnet', description, IMAGE_OPTIONS, (o) => image(3, intOption(o.inputSize, CIFAR_INPUT_SIZE, 'inputSize', name, 4)), create);
}

function textCnnSpec(): ModelSpec {
  const where = 'textCnn';
  return spec(where, 'textcnn', 'CNN for sentence classification (Kim 2014): embedding, windows 3/4/5 × 100 maps, max-over-time pooling, dropout 0.5, max-norm 3 classifier', TEXT_OPTIONS,
    (o) => ({ shape: [intOption(o.sequenceLength, TEXT_CNN_DEFAULTS.sequenceLength, 'sequenceLength', where, 5, ' (the largest window)')], dtype: 'int32' }), textCnn);
}

const vggBn = (bn: boolean): string => (bn ? ' with BatchNorm after each conv' : '');

/** Every model of the zoo by name, in a stable order (LeNet, VGG, ResNet, CIFAR ResNet, TextCNN). */
export const MODEL_ZOO: Readonly<Record<string, ModelSpec>> = Object.freeze(Object.fromEntries([
  lenetSpec(),
  imagenetSpec('vgg11', 'vgg', `VGG-11 (configuration A, Simonyan & Zisserman 2015), torchvision's layout${vggBn(false)}`, vgg11),
  imagenetSpec('vgg11_bn', 'vgg', `VGG-11 (configuration A), torchvision's layout${vggBn(true)}`, vgg11_bn),
  imagenetSpec('vgg13', 'vgg', `VGG-13 (configuration B), torchvision's layout${vggBn(false)}`, vgg13),
  imagenetSpec('vgg13_bn', 'vgg', `VGG-13 (configuration B), torchvision's layout${vggBn(true)}`, vgg13_bn),
  imagenetSpec('vgg16', 'vgg', `VGG-16 (configuration D), torchvision's layout${vggBn(false)}`, vgg16),
  imagenetSpec('vgg16_bn', 'vgg', `VGG-16 (configuration D), torchvision's layout${vggBn(true)}`, vgg16_bn),
  imagenetSpec('vgg19', 'vgg', `VGG-19 (configuration E), torchvision's layout${vggBn(false)}`, vgg19),
  imagenetSpec('vgg19_bn', 'vgg', `VGG-19 (configuration E), torchvision's layout${vggBn(true)}`, vgg19_bn),
  imagenetSpec('resnet18', 'resnet', 'ResNet-18 (He et al. 2016), torchvision v1.5, BasicBlocks [2, 2, 2, 2]', resnet18),
  imagenetSpec('resnet34', 'resnet', 'ResNet-34, torchvision v1.5, BasicBlocks [3, 4, 6, 3]', resnet34),
  imagenetSpec('resnet50', 'resnet', 'ResNet-50, torchvision v1.5 (stride in the 3×3), Bottlenecks [3, 4, 6, 3]', resnet50),
  imagenetSpec('resnet101', 'resnet', 'ResNet-101, torchvision v1.5, Bottlenecks [3, 4, 23, 3]', resnet101),
  imagenetSpec('resnet152', 'resnet', 'ResNet-152, torchvision v1.5, Bottlenecks [3, 8, 36, 3]', resnet152),
  cifarSpec('resnet20', 'ResNet-20 for CIFAR-10 (He et al. 2016 §4.2), zero-padding identity shortcuts, 3 × 3 BasicBlocks', resnet20),
  cifarSpec('resnet32', 'ResNet-32 for CIFAR-10 (He et al. 2016 §4.2), zero-padding identity shortcuts, 3 × 5 BasicBlocks', resnet32),
  cifarSpec('resnet56', 'ResNet-56 for CIFAR-10 (He et al. 2016 §4.2), zero-padding identity shortcuts, 3 × 9 BasicBlocks', resnet56),
  textCnnSpec(),
].map((s) => [s.name, s])));

/** The model named `name` (a key of MODEL_ZOO), built with `options`; an unknown name throws a CnnkitError listing them all. */
export function createModel(name: string, options: ZooOptions = {}): Module {
  return modelSpec(name).create(options);
}

/** The spec of the model named `name`; an unknown name throws a CnnkitError listing them all. */
export function modelSpec(name: string): ModelSpec {
  const found = Object.hasOwn(MODEL_ZOO, name) ? MODEL_ZOO[name] : undefined;
  if (found) return found;
  const names = Object.keys(MODEL_ZOO);
  const near = names.find((n) => n.toLowerCase() === String(name).toLowerCase().replace(/-/g, '_'));
  throw new CnnkitError('INVALID_ARGUMENT', `unknown model ${JSON.stringify(name)}${near ? ` (did you mean '${near}'?)` : ''}; expected one of ${names.map((n) => `'${n}'`).join(', ')}`, { name, names });
}
