import { createBackend } from '@cnnkit/backend-cpu';
import { Tensor, parseGraph, serializeGraph } from '@cnnkit/core';
import { loadMnist } from '@cnnkit/datasets';
import { describe, expect, it } from 'vitest';
import golden from './lenet5-golden.json';
import { LENET5_INPUT, LENET5_PARAMETER_COUNT, buildLenet5Graph, lenet5Parameters, parameterCount } from './lenet-graph';

describe('lenet5Parameters', () => {
  const params = lenet5Parameters(1);

  it('has torchvision/PyTorch names and shapes, 61,706 values in all', () => {
    const shapes = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.shape]));
    expect(shapes).toEqual({
      'conv1.weight': [6, 1, 5, 5], 'conv1.bias': [6],
      'conv2.weight': [16, 6, 5, 5], 'conv2.bias': [16],
      'fc1.weight': [120, 400], 'fc1.bias': [120],
      'fc2.weight': [84, 120], 'fc2.bias': [84],
      'fc3.weight': [10, 84], 'fc3.bias': [10],
    });
    // 6*25+6 + 16*150+16 + 400*120+120 + 120*84+84 + 84*10+10 = 156 + 2416 + 48120 + 10164 + 850
    expect(parameterCount({ initializers: params })).toBe(61_706);
    expect(LENET5_PARAMETER_COUNT).toBe(golden.parameters);
  });

  it('draws within PyTorch\'s default bounds, 1/sqrt(fan_in), and fills them (uniform, mean 0)', () => {
    const fanIn: Record<string, number> = { conv1: 25, conv2: 150, fc1: 400, fc2: 120, fc3: 84 };
    for (const [layer, n] of Object.entries(fanIn)) {
      const bound = 1 / Math.sqrt(n);
      for (const kind of ['weight', 'bias']) {
        const data = Array.from(params[`${layer}.${kind}`]!.data);
        const maxAbs = data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        expect(maxAbs, `${layer}.${kind}`).toBeLessThanOrEqual(bound);
        if (data.length >= 100) expect(maxAbs, `${layer}.${kind} reaches near its bound`).toBeGreaterThan(0.95 * bound);
      }
    }
    // fc1.weight: 48,000 draws of U(-b, b) have mean 0 and variance b^2/3 (b = 0.05).
    const w = Array.from(params['fc1.weight']!.data);
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const variance = w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length;
    expect(Math.abs(mean)).toBeLessThan(0.001);
    expect(variance / (0.05 ** 2 / 3)).toBeCloseTo(1, 1);
  });

  it('is reproducible from the seed and differs between seeds', () => {
    expect(lenet5Parameters(1)['fc2.weight']!.data).toEqual(params['fc2.weight']!.data);
    expect(lenet5Parameters(2)['fc2.weight']!.data).not.toEqual(params['fc2.weight']!.data);
  });

  it('draws the same values as the Python mulberry32 in the golden script', () => {
    expect(Array.from(params['conv1.weight']!.data.slice(0, 4))).toEqual(golden['conv1.weight[:4]']);
    expect(Array.from(params['fc3.bias']!.data)).toEqual(golden['fc3.bias']);
  });
});

describe('buildLenet5Graph', () => {
  const graph = buildLenet5Graph(lenet5Parameters(golden.seed));

  it('takes [N, 1, 28, 28] and gives [N, 10] with a symbolic batch', () => {
    expect(graph.inputs).toEqual([{ name: LENET5_INPUT, dtype: 'float32', shape: ['N', 1, 28, 28] }]);
    expect(graph.types.get(graph.outputs[0]!)).toEqual({ dtype: 'float32', shape: ['N', 10] });
    expect(graph.types.get('flatten:0')?.shape).toEqual(['N', 400]);
    expect(graph.nodes.map((n) => n.op)).toEqual([
      'conv2d', 'relu', 'maxPool2d', 'conv2d', 'relu', 'maxPool2d', 'flatten', 'linear', 'relu', 'linear', 'relu', 'linear', 'softmax',
    ]);
  });

  it('matches PyTorch\'s LeNet-5 with the same weights on real MNIST images, also after a JSON round-trip', async () => {
    const data = await loadMnist('test', { limit: golden.images });
    const backend = createBackend();
    for (const g of [graph, parseGraph(serializeGraph(graph))]) {
      const exe = await backend.compile(g);
      const out = await exe.run({ [LENET5_INPUT]: Tensor.from(data.images, [golden.images, 1, 28, 28]) });
      const probs = out[graph.outputs[0]!]!;
      expect(probs.shape).toEqual([golden.images, 10]);
      const got = Array.from(await probs.data());
      got.forEach((v, i) => expect(Math.abs(v - golden.probs[i]!), `probs[${i}]`).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(golden.probs[i]!)));
      exe.dispose();
    }
  });
});
