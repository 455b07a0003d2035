import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/builder';
import { Tensor, hostStorage } from '../tensor/tensor';
import type { KernelTable } from './backend';
import { compileWithKernels } from './interpret';

// A two-kernel toy backend: just enough to watch the interpreter schedule, check and dispose.
const made: Tensor[] = [];
function track(data: Float32Array, shape: readonly number[]): Tensor {
  const t = new Tensor(shape, 'float32', hostStorage(data, 'toy'));
  made.push(t);
  return t;
}
const kernels: KernelTable = {
  relu: ([x]) => [track((x!.dataSync() as Float32Array).map((v) => Math.max(v, 0)), x!.shape)],
  mul: ([a, b]) => {
    const av = a!.dataSync();
    const bv = b!.dataSync();
    return [track(Float32Array.from(av, (v, i) => v * bv[bv.length === 1 ? 0 : i]!), a!.shape)];
  },
};
const upload = (v: { data: Float32Array | Int32Array; shape: readonly number[] }): Tensor => track(Float32Array.from(v.data), v.shape);

function twoStepGraph() {
  const b = new GraphBuilder('toy');
  const x = b.input('x', 'float32', ['N']);
  const h = b.op('relu', [x]);
  const y = b.op('mul', [h, b.initializer('two', { dtype: 'float32', shape: [1], data: new Float32Array([2]) })]);
  return b.output(y).build();
}

describe('compileWithKernels', () => {
  it('runs nodes in order and disposes intermediates, not outputs or constants', async () => {
    made.length = 0;
    const exe = compileWithKernels(twoStepGraph(), { backend: 'toy', kernels, upload });
    const out = await exe.run({ x: Tensor.from([-1, 0.5, 3], [3]) });
    const y = out[exe.outputs[0]!]!;
    // relu(-1, 0.5, 3) * 2 = (0, 1, 6)
    expect([...(await y.data())]).toEqual([0, 1, 6]);
    const [constant, fed, relu] = made;
    expect(constant!.isDisposed).toBe(false);
    expect(fed!.isDisposed).toBe(true);
    expect(relu!.isDisposed).toBe(true);
    expect(y.isDisposed).toBe(false);
    exe.dispose();
    expect(constant!.isDisposed).toBe(true);
  });

  it('checks feeds: missing, wrong dtype, wrong shape, unknown', async () => {
    const exe = compileWithKernels(twoStepGraph(), { backend: 'toy', kernels, upload });
    await expect(exe.run({})).rejects.toThrow(/input 'x' was not fed; given nothing; expected 'x'/);
    await expect(exe.run({ x: Tensor.from([1], [1], 'int32') })).rejects.toThrow(/given int32; expected float32/);
    await expect(exe.run({ x: Tensor.from([1, 2], [1, 2]) })).rejects.toThrow(/given shape \[1, 2\]; expected \[N\]/);
    await expect(exe.run({ x: Tensor.from([1], [1]), z: Tensor.from([1], [1]) })).rejects.toThrow(/has no input 'z'/);
  });

  it('names the ops a backend lacks', () => {
    const b = new GraphBuilder('needs-tanh');
    b.output(b.op('tanh', [b.input('x', 'float32', [2])]));
    expect(() => compileWithKernels(b.build(), { backend: 'toy', kernels, upload })).toThrow(/backend 'toy' has no kernel for tanh used by graph 'needs-tanh'/);
  });
});
