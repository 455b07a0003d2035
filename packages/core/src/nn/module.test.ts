import { describe, expect, it } from 'vitest';
import { Tensor } from '../tensor/tensor';
import { BatchNorm2d } from './layers/batch-norm2d';
import { Conv2d } from './layers/conv2d';
import { Linear } from './layers/linear';
import { Module } from './module';

// No eager backend is set in core's tests: modules are built on the host, as PyTorch builds on the CPU.
class Net extends Module {
  conv = this.register('conv', new Conv2d(1, 6, 5));
  bn = this.register('bn', new BatchNorm2d(6));
  fc = this.register('fc', new Linear(400, 120));

  forward(x: Tensor): Tensor {
    return x;
  }
}

describe('Module without an eager backend', () => {
  it('builds on the host, counts parameters and lists its state', async () => {
    const net = new Net();
    // Conv2d(1, 6, 5) = 156, BatchNorm2d(6) = 12, Linear(400, 120) = 48,120.
    expect(net.parameterCount()).toBe(156 + 12 + 48120);
    expect(net.parameters().every((p) => p.value.backend === 'host')).toBe(true);
    expect(Object.keys(await net.stateDict())).toEqual([
      'conv.weight', 'conv.bias', 'bn.weight', 'bn.bias', 'bn.running_mean', 'bn.running_var', 'bn.num_batches_tracked', 'fc.weight', 'fc.bias',
    ]);
  });

  it('loads a state dict on the host', async () => {
    const a = new Net();
    const b = new Net();
    b.loadStateDict(await a.stateDict());
    expect(Array.from(b.fc.weight.value.dataSync())).toEqual(Array.from(a.fc.weight.value.dataSync()));
    expect(b.fc.weight.value.backend).toBe('host');
  });

  it('refuses to run until moved to an eager backend', () => {
    // Each module checks its own tensors when called: the conv's weight is the first it finds.
    const x = Tensor.from(new Float32Array(25), [1, 1, 5, 5]);
    expect(() => new Net().conv.call(x)).toThrow(/Conv2d\(1, 6, kernel_size=\(5, 5\), stride=\(1, 1\)\): 'weight' lives on the host, not on an eager backend/);
  });
});
