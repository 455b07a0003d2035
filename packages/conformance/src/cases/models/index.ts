import { type DType, type OpType, type ZooOptions, CnnkitError, SEEDED_WEIGHTS_RECIPE_VERSION, modelSpec } from '@cnnkit/core';
import { type JsonTensor, type Tolerance, tensorFromJson } from '../../case';
import type { ModelCase } from '../../models/model-case';
import golden from '../golden/models.json';

/** src/cases/golden/models.json, written by scripts/models/make_model_goldens.py. */
export interface ModelGoldenFile {
  readonly generator: string;
  readonly torch: string;
  readonly torchvision: string;
  /** The seeded-weights recipe the script used; it must be core's. */
  readonly recipeVersion: number;
  /** How the expected logits were computed. */
  readonly reference: string;
  readonly cases: readonly ModelGoldenEntry[];
}

export interface ModelGoldenEntry {
  /** The case's name within its model: its input ('224x224', 'tokens-400'). */
  readonly name: string;
  /** A name of core's MODEL_ZOO. */
  readonly model: string;
  readonly options: ZooOptions;
  readonly weightSeed: number;
  readonly input: { readonly shape: readonly number[]; readonly dtype: DType; readonly seed: number; readonly high?: number };
  readonly expected: JsonTensor;
  /** How far PyTorch's own float32 run landed from the float64 reference (for the record). */
  readonly torchFloat32MaxAbsDiff: number;
}

/**
 * Float32 logits after tens of layers carry rounding errors that grow with the activations'
 * scale, not with the logit itself, so the floor (atol) is what deep models need; 1e-4 holds for
 * every model whose logits stay below ~20 (PyTorch's own float32 run lands within 7e-5 of the
 * float64 reference there).
 */
const MODEL_TOLERANCE: Tolerance = { rtol: 1e-4, atol: 1e-4 };

/**
 * Looser floors, per model, where the seeded logits are large. ResNet-101's reach 46 and
 * ResNet-152's 89 (residual sums through 33 and 50 blocks); PyTorch's own float32 run is 7e-5
 * and 1.2e-4 off the float64 reference there, i.e. about 1.5e-6 of the logits' scale. A floor of
 * 1e-5 × the largest logit (5e-4, 1e-3) keeps the same relative-to-scale bar as 1e-4 does for a
 * model with logits of order 10.
 */
const LOOSER: Readonly<Record<string, Partial<Tolerance>>> = {
  resnet101: { atol: 5e-4 },
  resnet152: { atol: 1e-3 },
};

/** The ops each model's traced graph uses (the runner checks them against the trace). */
function modelOps(model: string, options: ZooOptions): OpType[] {
  const spec = modelSpec(model);
  switch (spec.family) {
    case 'lenet':
      return ['conv2d', 'relu', 'maxPool2d', 'flatten', 'linear'];
    case 'vgg': {
      // AdaptiveAvgPool2d((7, 7)) is the identity on 224 × 224 inputs (7 × 7 maps); elsewhere it
      // averages bins: slices of the map, each reduced, concatenated back.
      const side = (options.inputSize ?? 224) / 32;
      const pool: OpType[] = side === 7 ? [] : ['slice', 'reduceMean', 'concat'];
      return ['conv2d', ...(model.endsWith('_bn') ? (['batchNorm'] as const) : []), 'relu', 'maxPool2d', ...pool, 'flatten', 'linear'];
    }
    case 'resnet':
      return ['conv2d', 'batchNorm', 'relu', 'maxPool2d', 'add', 'globalAvgPool', 'flatten', 'linear'];
    case 'cifar-resnet':
      // The option-A shortcut: a strided 1 × 1 average pool subsamples, slice / concat pad channels.
      return ['conv2d', 'batchNorm', 'relu', 'add', 'avgPool2d', 'slice', 'concat', 'globalAvgPool', 'flatten', 'linear'];
    case 'textcnn':
      return ['gather', 'transpose', 'conv1d', 'relu', 'globalMaxPool', 'reshape', 'concat', 'linear'];
  }
}

/** The model cases of a golden file, ids `model:<name>/pytorch/<input>`. */
export function modelGoldenCases(file: ModelGoldenFile): ModelCase[] {
  if (file.recipeVersion !== SEEDED_WEIGHTS_RECIPE_VERSION) {
    throw new CnnkitError('INVALID_ARGUMENT', `${file.generator}: fixture made with seeded-weights recipe ${file.recipeVersion}; expected core's recipe ${SEEDED_WEIGHTS_RECIPE_VERSION} (re-run the script)`);
  }
  return file.cases.map((c) => {
    const id = `model:${c.model}/pytorch/${c.name}`;
    const input = { shape: [...c.input.shape], dtype: c.input.dtype, seed: c.input.seed, ...(c.input.high !== undefined ? { high: c.input.high } : {}) };
    return {
      kind: 'model',
      id,
      subject: `model:${c.model}`,
      level: 'model',
      source: 'pytorch',
      description: `${modelSpec(c.model).description}, on seeded weights (seed ${c.weightSeed}) and a seeded ${c.input.dtype} input [${c.input.shape.join(', ')}], against PyTorch ${file.torch} / torchvision ${file.torchvision} (${file.reference})`,
      model: c.model,
      options: c.options,
      weightSeed: c.weightSeed,
      input,
      expected: tensorFromJson(c.expected, `${file.generator} ${id} expected`),
      tolerance: { ...MODEL_TOLERANCE, ...LOOSER[c.model] },
      ops: modelOps(c.model, c.options),
    };
  });
}

/** Every zoo model on seeded weights against PyTorch: LeNet-5 at both sizes, VGG at 64 (and vgg11 at 224), ResNets, CIFAR ResNets, TextCNN. */
export const MODEL_CASES: readonly ModelCase[] = modelGoldenCases(golden as ModelGoldenFile);
