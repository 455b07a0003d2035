import { describe, expect, it } from 'vitest';
import { Linear } from '../nn/layers/linear';
import { traceModule } from './trace-module';

// Built without an eager backend: the parameters are host tensors whose arrays can be compared.
describe('traceModule copyState', () => {
  const model = new Linear(3, 2).eval();
  const weight = model.weight.value.dataSync();

  it('copies parameters into the graph by default', () => {
    const graph = traceModule(model, { shape: ['N', 3], dtype: 'float32' });
    expect(graph.initializers['weight']!.data).not.toBe(weight);
    expect(Array.from(graph.initializers['weight']!.data)).toEqual(Array.from(weight));
  });

  it('shares their arrays with copyState: false', () => {
    const graph = traceModule(model, { shape: ['N', 3], dtype: 'float32' }, { copyState: false });
    expect(graph.initializers['weight']!.data).toBe(weight);
    expect(graph.initializers['bias']!.data).toBe(model.bias!.value.dataSync());
    expect(graph.initializers['weight']!.shape).toEqual([2, 3]);
  });
});
