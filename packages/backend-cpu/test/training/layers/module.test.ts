import {
  BatchNorm2d, ModuleBuffer, CnnkitError, Conv2d, F, Linear, Module, Parameter, ReLU, Sequential, type Tensor, type TensorValue,
  backward, isCnnkitError, manualSeed,
} from '@cnnkit/core';
import { Tensor as CoreTensor } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, useCpu } from './helpers';

beforeAll(useCpu);

/** conv1 / bn1 / layer1 (Sequential) / layer10 / fc: names chosen so that 'layer1' must not match 'layer10'. */
class Net extends Module {
  conv1 = this.register('conv1', new Conv2d(1, 2, 3, { bias: false }));
  bn1 = this.register('bn1', new BatchNorm2d(2));
  layer1 = this.register('layer1', new Sequential(new Conv2d(2, 2, 1), new ReLU()));
  layer10 = this.register('layer10', new Linear(8, 4));
  fc = this.register('fc', new Linear(4, 3));

  forward(x: Tensor): Tensor {
    const h = this.layer1.call(this.bn1.call(this.conv1.call(x)));
    return this.fc.call(F.relu(this.layer10.call(F.flatten(h))));
  }
}

const ALL_PARAMS = ['conv1.weight', 'bn1.weight', 'bn1.bias', 'layer1.0.weight', 'layer1.0.bias', 'layer10.weight', 'layer10.bias', 'fc.weight', 'fc.bias'];
const input = (): Tensor => F.tensor(Array.from({ length: 2 * 16 }, (_, i) => Math.sin(i)), [2, 1, 4, 4]);

describe('Module registration and traversal', () => {
  it('lists parameters, buffers and modules in registration order with dotted names', () => {
    const net = new Net();
    expect(net.namedParameters().map(([n]) => n)).toEqual(ALL_PARAMS);
    expect(net.namedBuffers().map(([n]) => n)).toEqual(['bn1.running_mean', 'bn1.running_var', 'bn1.num_batches_tracked']);
    expect(net.namedModules().map(([n]) => n)).toEqual(['', 'conv1', 'bn1', 'layer1', 'layer1.0', 'layer1.1', 'layer10', 'fc']);
    expect(net.namedChildren().map(([n]) => n)).toEqual(['conv1', 'bn1', 'layer1', 'layer10', 'fc']);
    expect(net.children()[2]).toBe(net.layer1);
    expect(net.getSubmodule('layer1.0')).toBe(net.layer1.at(0));
    // 2*1*3*3 + 2 + 2 + (2*2 + 2) + (8*4 + 4) + (4*3 + 3)
    expect(net.parameterCount()).toBe(18 + 4 + 6 + 36 + 15);
    expect(net.call(input()).shape).toEqual([2, 3]);
  });

  it('lists a shared parameter once, as PyTorch (tied weights)', async () => {
    class Tied extends Module {
      constructor(readonly shared: Parameter) {
        super();
        this.registerParameter('w', shared);
        this.registerParameter('w_again', shared);
      }
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    const m = new Tied(new Parameter(F.ones([2])));
    expect(m.namedParameters().map(([n]) => n)).toEqual(['w']);
    expect(m.parameterCount()).toBe(2);
    // The state dict keeps both keys, as PyTorch's does.
    expect(Object.keys(await m.stateDict())).toEqual(['w', 'w_again']);
  });

  it('refuses duplicate and dotted names', () => {
    class Bad extends Module {
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    const b = new Bad();
    b.register('x', new ReLU());
    expect(() => b.register('x', new ReLU())).toThrow(/Bad\(\)\.register: 'x' is already registered/);
    expect(() => b.registerBuffer('x', new ModuleBuffer(F.zeros([1])))).toThrow(/'x' is already registered/);
    expect(() => b.register('a.b', new ReLU())).toThrow(/name "a\.b" is not allowed; expected a non-empty name without '\.'/);
  });

  it('names the missing step and what exists when a path is wrong', () => {
    const net = new Net();
    expect(() => net.getSubmodule('layer1.5')).toThrow(/no module at 'layer1\.5': 'layer1' \(Sequential\(\)\) has no child '5'; its children are '0', '1'/);
    expect(() => net.getSubmodule('classifier')).toThrow(/the model \(Net\(\)\) has no child 'classifier'; its children are 'conv1', 'bn1', 'layer1', 'layer10', 'fc'/);
  });
});

describe('train / eval', () => {
  it('sets the mode recursively', () => {
    const net = new Net();
    expect(net.namedModules().every(([, m]) => m.training)).toBe(true);
    expect(net.eval()).toBe(net);
    expect(net.namedModules().every(([, m]) => !m.training)).toBe(true);
    net.train();
    expect(net.layer1.at(1)!.training).toBe(true);
    net.train(false);
    expect(net.bn1.training).toBe(false);
  });
});

describe('freeze / unfreeze', () => {
  const trainable = (m: Module): string[] => m.namedParameters().filter(([, p]) => p.requiresGrad).map(([n]) => n);

  it('matches prefixes at dot boundaries, globs and RegExps; no pattern means all', () => {
    const net = new Net();
    expect(net.freeze('layer1')).toEqual(['layer1.0.weight', 'layer1.0.bias']); // not layer10
    expect(trainable(net)).toEqual(ALL_PARAMS.filter((n) => !n.startsWith('layer1.')));
    net.unfreeze();
    expect(net.freeze('layer1.')).toEqual(['layer1.0.weight', 'layer1.0.bias']);
    net.unfreeze();
    expect(net.freeze('layer1*')).toEqual(['layer1.0.weight', 'layer1.0.bias', 'layer10.weight', 'layer10.bias']);
    net.unfreeze();
    expect(net.freeze('*.bias')).toEqual(['bn1.bias', 'layer1.0.bias', 'layer10.bias', 'fc.bias']);
    net.unfreeze();
    expect(net.freeze(/^(conv1|bn1)\./g)).toEqual(['conv1.weight', 'bn1.weight', 'bn1.bias']);
    expect(net.freeze(/^(conv1|bn1)\./g)).toHaveLength(3); // the g flag does not make the second call differ
    expect(net.freeze('fc.weight')).toEqual(['fc.weight']);
    expect(net.parameterCount({ trainableOnly: true })).toBe(6 + 36 + 3);
    expect(net.freeze()).toEqual(ALL_PARAMS);
    expect(trainable(net)).toEqual([]);
    expect(net.unfreeze('fc')).toEqual(['fc.weight', 'fc.bias']);
    expect(trainable(net)).toEqual(['fc.weight', 'fc.bias']);
  });

  it('refuses a pattern that matches nothing, listing the top-level names', () => {
    const net = new Net();
    expect(() => net.freeze('featurs')).toThrow(/freeze\('featurs'\): no parameter name matches; .* whose names start with 'conv1', 'bn1', 'layer1', 'layer10', 'fc'/);
    expect(() => net.unfreeze(/^head/)).toThrow(/unfreeze\(\/\^head\/\): no parameter name matches/);
  });

  it('frozen parameters get no gradient from backward; trainable ones do', () => {
    const net = new Net();
    net.freeze('conv1');
    net.freeze('layer10');
    backward(() => F.reduceSum(net.call(input())), net.parameters());
    const withGrad = net.namedParameters().filter(([, p]) => p.grad !== undefined).map(([n]) => n);
    expect(withGrad).toEqual(['bn1.weight', 'bn1.bias', 'layer1.0.weight', 'layer1.0.bias', 'fc.weight', 'fc.bias']);
  });
});

const f32 = (shape: number[], fill: number): TensorValue => ({ dtype: 'float32', shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(fill) });

describe('stateDict / loadStateDict', () => {
  it('round-trips: a second model loaded from the first computes the same outputs', async () => {
    manualSeed(1);
    const a = new Net();
    a.call(input()); // moves bn1's running statistics off their initial values
    manualSeed(2);
    const b = new Net();
    const state = await a.stateDict();
    expect(Object.keys(state)).toEqual([
      'conv1.weight', 'bn1.weight', 'bn1.bias', 'bn1.running_mean', 'bn1.running_var', 'bn1.num_batches_tracked',
      'layer1.0.weight', 'layer1.0.bias', 'layer10.weight', 'layer10.bias', 'fc.weight', 'fc.bias',
    ]);
    const report = b.loadStateDict(state);
    expect(report).toEqual({ missing: [], unexpected: [], mismatched: [], loaded: Object.keys(state) });
    a.eval();
    b.eval();
    expect(read(b.call(input()))).toEqual(read(a.call(input())));
    expect(read(b.bn1.numBatchesTracked!.value)).toEqual([1]);
  });

  it('returns copies that later training and caller edits do not share', async () => {
    const net = new Net();
    const before = await net.stateDict();
    const saved = Array.from(before['bn1.running_mean']!.data);
    net.call(input());
    expect(Array.from(before['bn1.running_mean']!.data)).toEqual(saved);
    (before['fc.bias']!.data as Float32Array).fill(123);
    expect(read(net.fc.bias!.value)).not.toContain(123);
    // Loading copies too: editing the source afterwards does not reach the model.
    const source = f32([3], 1);
    net.loadStateDict({ 'fc.bias': source }, { strict: false });
    (source.data as Float32Array).fill(9);
    expect(read(net.fc.bias!.value)).toEqual([1, 1, 1]);
  });

  it('strict: one error lists missing, unexpected and mismatched keys, and nothing is loaded', async () => {
    const net = new Net();
    const state = await net.stateDict();
    const fcBefore = read(net.fc.weight.value);
    delete state['layer10.bias'];
    delete state['bn1.running_var'];
    state['classifier.weight'] = f32([3, 4], 0);
    state['fc.weight'] = f32([10, 4], 0.5);
    state['fc.bias'] = { dtype: 'int32', shape: [3], data: new Int32Array(3) };
    state['layer1.0.weight'] = f32([2, 2, 1, 1], 7); // fine on its own: must not be loaded either
    let error: unknown;
    try {
      net.loadStateDict(state);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CnnkitError);
    const message = (error as Error).message;
    expect(message).toContain('Net().loadStateDict (strict)');
    expect(message).toContain('missing 2 key(s): bn1.running_var, layer10.bias');
    expect(message).toContain('unexpected 1 key(s): classifier.weight');
    expect(message).toContain('fc.weight given float32 [10, 4], expected float32 [3, 4]');
    expect(message).toContain('fc.bias given int32 [3], expected float32 [3]');
    expect(message).toContain('Nothing was loaded');
    expect(read(net.fc.weight.value)).toEqual(fcBefore);
    expect(read(net.layer1.at(0)!.namedParameters()[0]![1].value)).not.toContain(7);
  });

  it('non-strict: loads what matches and reports the rest', async () => {
    const net = new Net();
    const state = await net.stateDict();
    delete state['layer10.bias'];
    state['head.weight'] = f32([3, 4], 0);
    state['fc.weight'] = f32([10, 4], 0.5);
    state['fc.bias'] = f32([3], 0.25);
    const report = net.loadStateDict(state, { strict: false });
    expect(report.missing).toEqual(['layer10.bias']);
    expect(report.unexpected).toEqual(['head.weight']);
    expect(report.mismatched).toEqual([{ key: 'fc.weight', expected: { dtype: 'float32', shape: [3, 4] }, given: { dtype: 'float32', shape: [10, 4] } }]);
    expect(report.loaded).toContain('fc.bias');
    expect(read(net.fc.bias!.value)).toEqual([0.25, 0.25, 0.25]);
  });

  it("does not count BatchNorm's num_batches_tracked as missing (pre-0.4.1 PyTorch checkpoints lack it)", async () => {
    const bn = new BatchNorm2d(2);
    const state = await bn.stateDict();
    delete state.num_batches_tracked;
    expect(bn.loadStateDict(state).missing).toEqual([]);
    expect(read(bn.numBatchesTracked!.value)).toEqual([0]);
  });

  it('refuses values whose data does not match their dtype and shape', () => {
    const net = new Net();
    const bad = { dtype: 'float32', shape: [3], data: new Float32Array(2) } as TensorValue;
    expect(() => net.loadStateDict({ 'fc.bias': bad }, { strict: false })).toThrow(/'fc\.bias' says float32 \[3\] \(3 values\) but holds 2 values in a Float32Array/);
    const wrongArray = { dtype: 'float32', shape: [3], data: new Int32Array(3) } as TensorValue;
    expect(() => net.loadStateDict({ 'fc.bias': wrongArray }, { strict: false })).toThrow(/holds 3 values in a Int32Array; expected data matching its dtype/);
    expect(() => net.loadStateDict({ 'fc.bias': {} as TensorValue }, { strict: false })).toThrow(/'fc\.bias' is not a tensor value/);
  });
});

describe('placement', () => {
  it('refuses to run on host parameters and moves them with toBackend', async () => {
    class HostLinear extends Module {
      w = this.registerParameter('w', new Parameter(CoreTensor.from([2], [1, 1])));
      forward(x: Tensor): Tensor {
        return F.linear(x, this.w.value);
      }
    }
    const m = new HostLinear();
    let error: unknown;
    try {
      m.call(F.ones([1, 1]));
    } catch (e) {
      error = e;
    }
    expect(isCnnkitError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect(String(error)).toMatch(/HostLinear\(\): 'w' lives on the host, not on an eager backend; expected the model built after setBackend\(\.\.\.\), or moved with await model\.toBackend\(\)/);
    await m.toBackend();
    expect(m.w.value.backend).toBe('cpu');
    expect(read(m.call(F.ones([1, 1])))).toEqual([2]);
  });
});
