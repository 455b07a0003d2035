import { BasicBlock, Bottleneck, F, type Module, type Tensor, type TensorValue, backward, resnetDownsample, valueAndGrads } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import golden from '../fixtures/layers_golden.json';
import { expectClose, read, useCpu } from './helpers';

beforeAll(useCpu);

const bn = (prefix: string): string[] => ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked'].map((k) => `${prefix}.${k}`);

// torchvision's keys, written out by hand (resnet18 'layer2.0.*' / resnet50 'layer1.0.*' without the prefix).
const BASIC_KEYS = ['conv1.weight', ...bn('bn1'), 'conv2.weight', ...bn('bn2'), 'downsample.0.weight', ...bn('downsample.1')];
const BOTTLENECK_KEYS = ['conv1.weight', ...bn('bn1'), 'conv2.weight', ...bn('bn2'), 'conv3.weight', ...bn('bn3'), 'downsample.0.weight', ...bn('downsample.1')];

interface JsonTensor { dtype: string; shape: number[]; data: number[] }
interface GoldenBlock {
  kind: string; inPlanes: number; planes: number; stride: number;
  stateBefore: Record<string, JsonTensor>; input: JsonTensor; output: JsonTensor; upstream: JsonTensor;
  buffersAfter: Record<string, JsonTensor>; inputGrad: JsonTensor; paramGrads: Record<string, JsonTensor>; evalOutput: JsonTensor;
}

const value = (j: JsonTensor): TensorValue => (j.dtype === 'int32'
  ? { dtype: 'int32', shape: j.shape, data: Int32Array.from(j.data) }
  : { dtype: 'float32', shape: j.shape, data: Float32Array.from(j.data) });
const tensor = (j: JsonTensor): Tensor => F.tensor(j.data, j.shape, j.dtype === 'int32' ? 'int32' : 'float32');

function build(g: GoldenBlock): Module {
  const expansion = g.kind === 'BasicBlock' ? BasicBlock.expansion : Bottleneck.expansion;
  const downsample = resnetDownsample(g.inPlanes, g.planes * expansion, g.stride);
  return g.kind === 'BasicBlock'
    ? new BasicBlock(g.inPlanes, g.planes, { stride: g.stride, downsample })
    : new Bottleneck(g.inPlanes, g.planes, { stride: g.stride, downsample });
}

describe('BasicBlock and Bottleneck structure', () => {
  it("have torchvision's state dict keys, in torchvision's order", async () => {
    const basic = new BasicBlock(64, 128, { stride: 2, downsample: resnetDownsample(64, 128, 2) });
    expect(Object.keys(await basic.stateDict())).toEqual(BASIC_KEYS);
    const bottleneck = new Bottleneck(64, 64, { downsample: resnetDownsample(64, 256) });
    expect(Object.keys(await bottleneck.stateDict())).toEqual(BOTTLENECK_KEYS);
    for (const g of golden.blocks as GoldenBlock[]) expect(Object.keys(g.stateBefore)).toEqual(g.kind === 'BasicBlock' ? BASIC_KEYS : BOTTLENECK_KEYS);
  });

  it('count parameters as torchvision', () => {
    // resnet18 layer1.0: two 64->64 3x3 convs (2 * 36,864) + two BatchNorm2d(64) (2 * 128) = 73,984.
    expect(new BasicBlock(64, 64).parameterCount()).toBe(73984);
    // resnet50 layer1.1: 256*64 + 64*64*9 + 64*256 + 2*64 + 2*64 + 2*256 = 70,400.
    expect(new Bottleneck(256, 64).parameterCount()).toBe(70400);
    // resnet50 layer2.0 with its downsample: 256*128 + 128*128*9 + 128*512 + 4 * 128 + 2 * 512 (bn3)
    // + downsample 256*512 + 2*512 = 32,768 + 147,456 + 65,536 + 512 + 1024 + 131,072 + 1024 = 379,392.
    expect(new Bottleneck(256, 128, { stride: 2, downsample: resnetDownsample(256, 512, 2) }).parameterCount()).toBe(379392);
  });

  it('put the stride in the 3x3 (v1.5) and in the shortcut', () => {
    const b = new Bottleneck(256, 128, { stride: 2, downsample: resnetDownsample(256, 512, 2) });
    expect(b.conv1.stride).toEqual([1, 1]);
    expect(b.conv2.stride).toEqual([2, 2]);
    expect(b.conv3.stride).toEqual([1, 1]);
    expect((b.getSubmodule('downsample.0') as typeof b.conv1).stride).toEqual([2, 2]);
    expect(b.call(F.zeros([1, 256, 8, 8])).shape).toEqual([1, 512, 4, 4]);
  });
});

describe.each(golden.blocks as GoldenBlock[])('$kind against PyTorch (torch 1.13, train mode, downsample)', (g) => {
  it('loads torchvision state strictly, then matches the output and running statistics of one train step', () => {
    const block = build(g);
    expect(block.loadStateDict(Object.fromEntries(Object.entries(g.stateBefore).map(([k, v]) => [k, value(v)])))).toMatchObject({ missing: [], unexpected: [], mismatched: [] });
    const y = block.call(tensor(g.input));
    expect(y.shape).toEqual(g.output.shape);
    expectClose(read(y), g.output.data, 1e-4);
    const buffers = Object.fromEntries(block.namedBuffers());
    for (const [key, expected] of Object.entries(g.buffersAfter)) {
      // running_var moves by momentum * unbiased batch variance: a biased update would be off by n / (n - 1).
      expect(buffers[key]!.value.shape).toEqual(expected.shape);
      expectClose(read(buffers[key]!.value), expected.data, 1e-4);
    }
    block.eval();
    expectClose(read(block.call(tensor(g.input))), g.evalOutput.data, 1e-4);
  });

  it('matches the gradients of sum(output * upstream) for the input and every parameter', () => {
    const block = build(g);
    block.loadStateDict(Object.fromEntries(Object.entries(g.stateBefore).map(([k, v]) => [k, value(v)])));
    const x = tensor(g.input);
    const upstream = tensor(g.upstream);
    const loss = (): Tensor => F.reduceSum(F.mul(block.call(x), upstream));
    const { grads } = valueAndGrads(loss, [x]);
    expectClose(read(grads[0]!), g.inputGrad.data, 1e-4);
    block.train();
    backward(loss, block.parameters());
    const params = Object.fromEntries(block.namedParameters());
    expect(Object.keys(params)).toEqual(Object.keys(g.paramGrads));
    for (const [key, expected] of Object.entries(g.paramGrads)) expectClose(read(params[key]!.grad!), expected.data, 1e-4);
  });
});
