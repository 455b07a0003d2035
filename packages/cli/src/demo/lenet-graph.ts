import { GraphBuilder, type TensorValue, type ValidatedGraph, sizeOf } from '@cnnkit/core';
import { mulberry32, uniformArray } from './prng';

/** LeNet-5's learnable layers, in forward order, with PyTorch's shapes (OIHW conv, [out, in] linear). */
const LAYERS = [
  { name: 'conv1', weight: [6, 1, 5, 5] },
  { name: 'conv2', weight: [16, 6, 5, 5] },
  { name: 'fc1', weight: [120, 400] },
  { name: 'fc2', weight: [84, 120] },
  { name: 'fc3', weight: [10, 84] },
] as const;

/** What torch.nn gives for this LeNet-5: 156 + 2,416 + 48,120 + 10,164 + 850. */
export const LENET5_PARAMETER_COUNT = 61_706;

export const LENET5_INPUT = 'image';

/**
 * Parameters named as PyTorch names them (`conv1.weight`, `fc1.bias`), drawn the way
 * nn.Conv2d / nn.Linear reset_parameters() draws them: weights by kaiming_uniform_(a = sqrt(5)),
 * whose bound gain * sqrt(3 / fan_in) with gain = sqrt(2 / (1 + 5)) is 1 / sqrt(fan_in), and
 * biases uniform in +-1 / sqrt(fan_in). Layers in forward order, weight before bias, one stream.
 */
export function lenet5Parameters(seed: number): Record<string, TensorValue> {
  const random = mulberry32(seed);
  const params: Record<string, TensorValue> = {};
  for (const layer of LAYERS) {
    const shape = [...layer.weight];
    const outFeatures = shape[0]!;
    const fanIn = sizeOf(shape) / outFeatures;
    const bound = 1 / Math.sqrt(fanIn);
    params[`${layer.name}.weight`] = { dtype: 'float32', shape, data: uniformArray(random, sizeOf(shape), bound) };
    params[`${layer.name}.bias`] = { dtype: 'float32', shape: [outFeatures], data: uniformArray(random, outFeatures, bound) };
  }
  return params;
}

/**
 * LeNet-5 for 1x28x28 images as a graph with a symbolic batch 'N': conv(1->6, k5, pad 2), relu,
 * maxpool 2, conv(6->16, k5), relu, maxpool 2, flatten, linear 400->120, relu, linear 120->84,
 * relu, linear 84->10, softmax. The output is the class probabilities [N, 10].
 */
export function buildLenet5Graph(params: Readonly<Record<string, TensorValue>>): ValidatedGraph {
  const g = new GraphBuilder('lenet5');
  const p = (name: string): string => g.initializer(name, params[name]!);
  const conv = (x: string, layer: string, pads: readonly number[]): string =>
    g.op('conv2d', [x, p(`${layer}.weight`), p(`${layer}.bias`)], { pads }, layer);
  const linear = (x: string, layer: string): string => g.op('linear', [x, p(`${layer}.weight`), p(`${layer}.bias`)], {}, layer);

  let x = g.input(LENET5_INPUT, 'float32', ['N', 1, 28, 28]);
  x = g.op('relu', [conv(x, 'conv1', [2, 2])], {}, 'relu1');
  x = g.op('maxPool2d', [x], { kernelSize: [2, 2] }, 'pool1');
  x = g.op('relu', [conv(x, 'conv2', [0, 0])], {}, 'relu2');
  x = g.op('maxPool2d', [x], { kernelSize: [2, 2] }, 'pool2');
  x = g.op('flatten', [x], { startDim: 1 }, 'flatten');
  x = g.op('relu', [linear(x, 'fc1')], {}, 'relu3');
  x = g.op('relu', [linear(x, 'fc2')], {}, 'relu4');
  const probs = g.op('softmax', [linear(x, 'fc3')], { axis: 1 }, 'probs');
  return g.output(probs).build();
}

/** Every initializer's element count, summed: the model's parameter count. */
export function parameterCount(graph: { readonly initializers: Readonly<Record<string, TensorValue>> }): number {
  return Object.values(graph.initializers).reduce((sum, v) => sum + sizeOf(v.shape), 0);
}
