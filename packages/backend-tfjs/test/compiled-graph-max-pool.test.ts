import { GraphBuilder, compileWithKernels } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../src';

/**
 * x → 1×1 conv into two channels of weight 1 (x·1 summed from +0: every value unchanged, ±Inf and
 * NaN included, except −0 which becomes 0; now NHWC) → maxPool 2×2 stride 2: the compiled NHWC
 * pool. Two output channels, not one: tfjs-wasm's one-in one-out convolution turns NaN into −Inf.
 */
function poolGraph() {
  const g = new GraphBuilder('pool');
  const x = g.input('x', 'float32', ['N', 1, 2, 8]);
  const w = g.initializer('w', { dtype: 'float32', shape: [2, 1, 1, 1], data: Float32Array.from([1, 1]) });
  g.output(g.op('maxPool2d', [g.op('conv2d', [x, w])], { kernelSize: 2 }));
  return g.build();
}

// Two rows of 8; the windows are columns 0–1, 2–3, 4–5, 6–7 of both rows.
const F32_3E38 = Math.fround(3e38);
const cases: { name: string; data: number[]; want: number[] }[] = [
  { name: 'finite (the fast path)', data: [1, -2, 3, 4, -1, -2, -0, -3, -5, 6, -7, 0.5, -4, -5, -6, -7], want: [6, 4, -1, 0] },
  { name: 'infinities, no NaN', data: [Infinity, 1, -Infinity, -Infinity, -1, 2, 3, 4, 2, 3, -Infinity, -0, 5, 6, 7, 8], want: [Infinity, 0, 6, 8] },
  { name: 'finite values whose sum overflows', data: [3e38, 3e38, 1, 2, -3e38, -3e38, 5, 6, 3e38, 3e38, 3, 4, -3e38, -3e38, 7, 8], want: [F32_3E38, 4, -F32_3E38, 8] },
  { name: 'NaN', data: [1, 2, 3, NaN, -1, -2, -3, -4, 4, 5, 6, 7, -5, -6, -7, NaN], want: [5, NaN, -1, NaN] },
];

describe('compiled maxPool: exact whether or not a NaN can reach it', () => {
  for (const engine of ['cpu', 'wasm'] as const) {
    it(engine, async () => {
      const b = await createBackend({ engine });
      const graph = poolGraph();
      const start = tf.memory().numTensors;
      const compiled = await b.compile(graph);
      const reference = compileWithKernels(graph, { backend: b.name, kernels: b.kernels, upload: b.fromHost });
      for (const c of cases) {
        const feed = b.fromHost({ dtype: 'float32', shape: [1, 1, 2, 8], data: Float32Array.from(c.data) });
        const got = await compiled.run({ x: feed });
        const want = await reference.run({ x: feed });
        const out = compiled.outputs[0]!;
        const values = Array.from(await got[out]!.data());
        expect(got[out]!.shape, c.name).toEqual([1, 2, 1, 4]);
        // toEqual tells −0 from 0 and matches NaN with NaN.
        expect(values, c.name).toEqual([...c.want, ...c.want]);
        expect(values, c.name).toEqual(Array.from(await want[out]!.data()));
        for (const r of [got, want]) for (const t of Object.values(r)) t.dispose();
        feed.dispose();
      }
      compiled.dispose();
      reference.dispose();
      expect(tf.memory().numTensors).toBe(start);
    });
  }
});
