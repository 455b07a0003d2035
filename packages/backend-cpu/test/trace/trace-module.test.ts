import { CnnkitError, type Module, Rng, Tensor, type TensorValue, type ValidatedGraph, engine, setBackend, tidy, traceModule } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import { BakesBatch, LeNet5, Quirky, ReadsValues, TinyTextCnn, randomTokens, randomValue, tinyResNet } from './models';

// Graphs run as traced (optimize: false): these tests compare them with the eager forward bit
// for bit; test/graph/ checks the optimized compile against this path.
const cpu = createBackend({ optimize: false });
beforeAll(() => setBackend(cpu));

/** The eager forward and the compiled graph on the same input, as plain arrays. */
async function bothWays(model: Module, graph: ValidatedGraph, x: TensorValue): Promise<{ eager: number[]; graph: number[]; shape: readonly number[] }> {
  const eager = tidy(() => model.call(engine.upload(x)));
  const exe = await cpu.compile(graph);
  const out = (await exe.run({ [graph.inputs[0]!.name]: Tensor.fromValue(x) }))[graph.outputs[0]!]!;
  exe.dispose();
  expect(out.shape).toEqual(eager.shape);
  return { eager: Array.from(eager.dataSync()), graph: Array.from(out.dataSync()), shape: out.shape };
}

function throwsCnnkit(fn: () => unknown, code: string, pattern: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CnnkitError);
  expect((error as CnnkitError).code).toBe(code);
  expect((error as CnnkitError).message).toMatch(pattern);
}

describe('traceModule', () => {
  it('traces LeNet-5 with a symbolic batch: state-dict initializers, readable nodes, same outputs as eager at any batch size', async () => {
    const model = new LeNet5().eval();
    const graph = traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' });
    expect(graph.name).toBe('LeNet5');
    expect(graph.inputs).toEqual([{ name: 'input', dtype: 'float32', shape: ['N', 1, 28, 28] }]);
    expect(graph.outputs).toEqual(['output']);
    expect(graph.types.get('output')).toEqual({ dtype: 'float32', shape: ['N', 10] });
    expect(Object.keys(graph.initializers).sort()).toEqual(Object.keys(await model.stateDict()).sort());
    expect(graph.nodes.map((n) => n.name)).toEqual([
      'features.0/conv2d', 'features.1/relu', 'features.2/maxPool2d', 'features.3/conv2d', 'features.4/relu', 'features.5/maxPool2d',
      'classifier.0/flatten', 'classifier.1/linear', 'classifier.2/relu', 'classifier.4/linear', 'classifier.5/relu', 'classifier.6/linear',
    ]);
    // Initializers hold the parameters' values (copies).
    const state = await model.stateDict();
    expect(graph.initializers['features.3.weight']!.data).toEqual(state['features.3.weight']!.data);
    expect(graph.initializers['features.3.weight']!.data).not.toBe(model.features.at(3)!.parameters()[0]!.value.dataSync());
    for (const [n, seed] of [[1, 10], [3, 11]] as const) {
      const r = await bothWays(model, graph, randomValue([n, 1, 28, 28], seed));
      expect(r.shape).toEqual([n, 10]);
      expect(r.graph).toEqual(r.eager);
    }
  });

  it('traces a ResNet with BasicBlock, projection shortcut and BatchNorm running statistics (eval mode)', async () => {
    const model = tinyResNet();
    // A few train-mode steps give the running statistics values other than 0 / 1.
    for (const seed of [20, 21]) tidy(() => model.call(engine.upload(randomValue([4, 3, 8, 8], seed))));
    model.eval();
    const graph = traceModule(model, { shape: ['N', 3, 8, 8], dtype: 'float32', name: 'images' }, { name: 'tiny-resnet', outputName: 'logits' });
    expect(graph.name).toBe('tiny-resnet');
    expect(graph.outputs).toEqual(['logits']);
    expect(graph.types.get('logits')!.shape).toEqual(['N', 5]);
    const keys = Object.keys(graph.initializers);
    expect(keys).toContain('3.downsample.1.running_var');
    expect(keys).toContain('1.running_mean');
    // num_batches_tracked is state but no op reads it: a graph keeps only what it uses.
    expect(keys.some((k) => k.endsWith('num_batches_tracked'))).toBe(false);
    expect(Array.from(graph.initializers['1.running_mean']!.data).some((v) => v !== 0)).toBe(true);
    expect(graph.nodes.filter((n) => n.op === 'batchNorm').map((n) => n.name)).toEqual(['1/batchNorm', '3.bn1/batchNorm', '3.bn2/batchNorm', '3.downsample.1/batchNorm']);
    expect(graph.nodes.filter((n) => n.name.startsWith('3/')).map((n) => n.name)).toEqual(['3/relu', '3/add', '3/relu_1']);
    for (const [n, seed] of [[2, 22], [5, 23]] as const) {
      const r = await bothWays(model, graph, randomValue([n, 3, 8, 8], seed));
      expect(r.graph).toEqual(r.eager);
    }
  });

  it('traces int32 token inputs (embedding, conv1d, max over time) and keeps the batch symbolic through reshape', async () => {
    const model = new TinyTextCnn().eval();
    const graph = traceModule(model, { shape: ['N', 7], dtype: 'int32', name: 'tokens' });
    const reshape = graph.nodes.find((n) => n.op === 'reshape')!;
    expect(reshape.attrs).toEqual({ shape: [0, 4] }); // [x.shape[0], x.shape[1]] with the batch copied, not baked
    expect(graph.types.get('output')!.shape).toEqual(['N', 2]);
    for (const [n, seed] of [[1, 30], [4, 31]] as const) {
      const r = await bothWays(model, graph, randomTokens([n, 7], 20, seed));
      expect(r.graph).toEqual(r.eager);
    }
  });

  it('traces an embedding with a padding row (its gradient stop reads the indices, which a trace leaves out)', async () => {
    const model = new TinyTextCnn(new Rng(5), 0).eval();
    const graph = traceModule(model, { shape: ['N', 7], dtype: 'int32' });
    expect(graph.nodes.map((n) => n.op)).toEqual(['gather', 'transpose', 'conv1d', 'relu', 'globalMaxPool', 'reshape', 'linear']);
    const x = randomTokens([3, 7], 20, 32);
    x.data.fill(0, 0, 4); // padding tokens
    const r = await bothWays(model, graph, x);
    expect(r.graph).toEqual(r.eager);
  });

  it('handles reshape from x.shape, constants made in forward, a module called twice and discarded ops', async () => {
    const model = new Quirky().eval();
    const graph = traceModule(model, { shape: ['B', 3, 4], dtype: 'float32' });
    expect(graph.inputs[0]!.shape).toEqual(['B', 3, 4]);
    expect(graph.nodes.find((n) => n.op === 'reshape')!.attrs).toEqual({ shape: [0, -1] });
    expect(graph.nodes.some((n) => n.op === 'sigmoid')).toBe(false);
    expect(graph.nodes.filter((n) => n.op === 'linear').map((n) => n.inputs.slice(1))).toEqual([
      ['shared.weight', 'shared.bias'], ['shared.weight', 'shared.bias'],
    ]);
    expect(Object.keys(graph.initializers).sort()).toEqual(['const_0', 'const_1', 'shared.bias', 'shared.weight']);
    expect(graph.initializers.const_0).toEqual({ dtype: 'float32', shape: [], data: Float32Array.of(0.5) });
    expect(Array.from(graph.initializers.const_1!.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const [n, seed] of [[1, 40], [6, 41]] as const) {
      const r = await bothWays(model, graph, randomValue([n, 3, 4], seed));
      expect(r.graph).toEqual(r.eager);
    }
  });

  it('traces static input shapes as they are', async () => {
    const model = new LeNet5().eval();
    const graph = traceModule(model, { shape: [2, 1, 28, 28], dtype: 'float32' });
    expect(graph.types.get('output')!.shape).toEqual([2, 10]);
    const r = await bothWays(model, graph, randomValue([2, 1, 28, 28], 50));
    expect(r.graph).toEqual(r.eager);
  });

  it('leaves the engine as it was: later eager ops run on the backend and tracing can start again', () => {
    const model = new LeNet5().eval();
    traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' });
    expect(engine.tracer).toBeUndefined();
    const y = tidy(() => model.call(engine.upload(randomValue([1, 1, 28, 28], 60))));
    expect(y.backend).toBe('cpu');
    expect(traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' }).nodes).toHaveLength(12);
  });

  it('refuses a model in train mode, naming the modules', () => {
    throwsCnnkit(() => traceModule(new LeNet5(), { shape: ['N', 1, 28, 28], dtype: 'float32' }), 'INVALID_ARGUMENT', /'\(the model\)' \(LeNet5\(\)\).*are in train mode; expected eval mode \(call model.eval\(\) first\)/);
    const model = new LeNet5().eval();
    model.classifier.at(3)!.train();
    throwsCnnkit(() => traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' }), 'INVALID_ARGUMENT', /'classifier.3' \(Dropout\(p=0.5\)\) is in train mode/);
  });

  it('refuses a batch size baked into an attribute, naming the node', () => {
    throwsCnnkit(() => traceModule(new BakesBatch().eval(), { shape: ['N', 3, 4], dtype: 'float32' }), 'INVALID_GRAPH', /node 'reshape' \(reshape\) has attribute 'shape' = \[29919,-1\].*symbolic dimension 'N' \(traced as 9973\)/);
    // With a static batch the same model traces (the graph is for that batch only, as asked).
    expect(traceModule(new BakesBatch().eval(), { shape: [2, 3, 4], dtype: 'float32' }).types.get('output')!.shape).toEqual([6, 4]);
  });

  it('refuses a forward that reads tensor values, naming the value, and leaves the engine usable', () => {
    throwsCnnkit(() => traceModule(new ReadsValues().eval(), { shape: ['N', 3], dtype: 'float32', name: 'x' }), 'INVALID_ARGUMENT', /forward read the values of float32 \[9973, 3\] 'x', a placeholder.*data-dependent control flow cannot be traced/);
    expect(engine.tracer).toBeUndefined();
  });

  it('checks its arguments: symbol sizes, shapes', () => {
    const model = new LeNet5().eval();
    throwsCnnkit(() => traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' }, { symbolSizes: { N: 1 } }), 'INVALID_ARGUMENT', /'N' has the tracing size 1; expected an integer >= 2/);
    throwsCnnkit(() => traceModule(model, { shape: ['N', 1, -28, 28], dtype: 'float32' }), 'INVALID_ARGUMENT', /invalid dimension -28/);
    throwsCnnkit(() => traceModule(model, { shape: ['N', 3, 28, 28], dtype: 'float32' }), 'SHAPE_MISMATCH', /^traceModule\('LeNet5'\) \(traced with N = 9973\): Conv2d\(1, 6.*3 channels at axis 1; expected 1/);
  });
});
