import { Identity, Tensor, countMacs, getBackend, setBackend, tidy, traceModule } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import { LeNet5, randomValue } from './models';

// No setBackend before the models are built: their parameters live on the host, as for a user
// who only has a graph-only backend (ONNX Runtime). Tracing needs no eager backend.
describe('traceModule without an eager backend', () => {
  const model = new LeNet5().eval();
  const graph = traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' });

  it('traces a host-built model before any backend is set', () => {
    expect(() => getBackend()).toThrow(/no eager backend is set/);
    expect(model.parameters()[0]!.value.backend).toBe('host');
    expect(graph.types.get('output')!.shape).toEqual(['N', 10]);
    expect(countMacs(graph).total).toBe(416_520);
  });

  it('a forward that returns its input traces to a graph with no nodes', () => {
    const g = traceModule(new Identity().eval(), { shape: ['N', 2], dtype: 'float32' });
    expect(g.nodes).toEqual([]);
    expect(g.outputs).toEqual(['input']);
  });

  it('the graph compiles on cpu and matches the eager forward once the model moves there', async () => {
    const cpu = createBackend();
    const x = randomValue([2, 1, 28, 28], 70);
    const exe = await cpu.compile(graph);
    const out = (await exe.run({ input: Tensor.fromValue(x) })).output!;
    setBackend(cpu);
    await model.toBackend();
    const eager = tidy(() => model.call(Tensor.fromValue(x)));
    expect(Array.from(out.dataSync())).toEqual(Array.from(eager.dataSync()));
  });
});
