import { type Backend, CnnkitError, F, GraphBuilder, Tensor, isCnnkitError, setBackend } from '@cnnkit/core';
import { createBackend as createCpu } from '@cnnkit/backend-cpu';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../src';

/** `a / b`, then relu: the division makes an Inf from finite values when b holds a zero. */
function divideThenRelu() {
  const g = new GraphBuilder('divide');
  const a = g.input('a', 'float32', [2]);
  const b = g.input('b', 'float32', [2]);
  const q = g.op('div', [a, b], {}, 'quotient');
  const y = g.op('relu', [q], {}, 'positive');
  return { graph: g.output(y).build(), y };
}

async function thrown(promise: Promise<unknown>): Promise<CnnkitError> {
  try {
    await promise;
  } catch (error) {
    if (isCnnkitError(error)) return error;
    throw error;
  }
  throw new Error('expected a CnnkitError; nothing was thrown');
}

describe('NaN / Inf checks on compiled graphs (eager delegate, node by node)', () => {
  it('passes finite values through unchanged', async () => {
    const { graph, y } = divideThenRelu();
    const exe = await (await createBackend()).compile(graph);
    const out = await exe.run({ a: Tensor.from([3, -4], [2]), b: Tensor.from([2, 2], [2]) });
    expect([...(await out[y]!.data())]).toEqual([1.5, 0]);
  });

  it('names the node that made an Inf from finite inputs, the element, and the inputs', async () => {
    const { graph } = divideThenRelu();
    const exe = await (await createBackend()).compile(graph);
    const error = await thrown(exe.run({ a: Tensor.from([1, 5], [2]), b: Tensor.from([1, 0], [2]) }));
    expect(error.code).toBe('NON_FINITE');
    // 5 / 0 is +Inf, element 1 of the div node's output: relu, downstream, is not blamed.
    expect(error.message).toContain("div (node 'quotient' in graph 'divide') produced Infinity at element 1 of output 0");
    expect(error.message).toContain('a: float32 [2] [1, 5]; b: float32 [2] [1, 0]');
  });

  it('lets a NaN through when an input already held one (the default policy), and rejects it with nonFiniteInputs: reject', async () => {
    const { graph, y } = divideThenRelu();
    const feeds = { a: Tensor.from([Number.NaN, 4], [2]), b: Tensor.from([1, 2], [2]) };
    const lenient = await (await createBackend()).compile(graph);
    const out = await lenient.run(feeds);
    const values = await out[y]!.data();
    expect(Number.isNaN(values[0]!)).toBe(true);
    expect(values[1]).toBe(2);

    const strict = await (await createBackend({ nonFiniteInputs: 'reject' })).compile(graph);
    const error = await thrown(strict.run(feeds));
    expect(error.message).toContain("div (node 'quotient' in graph 'divide') produced NaN at element 0");
  });

  it('refuses an unknown policy naming what was given', async () => {
    const error = await thrown(createBackend({ nonFiniteInputs: 'ignore' as 'reject' }));
    expect(error.message).toBe("checked backend option nonFiniteInputs: given 'ignore'; expected 'propagate' or 'reject'");
  });
});

describe('NaN / Inf checks in eager mode (core autograd and layers run through the kernel table)', () => {
  it('throws from the op that made the Inf', async () => {
    setBackend(await createBackend());
    const ok = F.div(Tensor.from([1, 2], [2]), Tensor.from([2, 2], [2]));
    expect([...ok.dataSync()]).toEqual([0.5, 1]);
    expect(ok.backend).toBe('checked');
    expect(() => F.div(Tensor.from([1, 2], [2]), Tensor.from([1, 0], [2]))).toThrowError(/eager op div produced Infinity at element 1 of output 0/);
  });
});

describe('NaN / Inf checks over a graph-only delegate (whole-graph outputs)', () => {
  it('checks the executable outputs and names the graph output', async () => {
    const cpu = createCpu();
    // The cpu backend with its kernel table hidden: the checked backend must use compile().
    const graphOnly: Backend = { name: 'graph-only', capabilities: { ...cpu.capabilities, eager: false, training: false }, info: () => cpu.info(), compile: (g) => cpu.compile(g) };
    const checked = await createBackend({ delegate: graphOnly });
    expect(checked.kernels).toBeUndefined();
    const { graph } = divideThenRelu();
    const exe = await checked.compile(graph);
    const error = await thrown(exe.run({ a: Tensor.from([1, 5], [2]), b: Tensor.from([1, 0], [2]) }));
    expect(error.message).toContain("graph 'divide' produced Infinity at element 1 of output 'positive:0' ([2])");
  });
});

describe('info()', () => {
  it("reports the delegate's device and says what wraps it", async () => {
    const info = await (await createBackend()).info();
    expect(info.name).toBe('checked');
    expect(info.device).toBe('cpu');
    expect(info.description).toMatch(/^NaN \/ Inf checks and per-op timing over backend 'cpu': /);
  });
});
