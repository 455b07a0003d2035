import { type Backend, type Kernel, GraphBuilder, Tensor, createBackend as createByName } from '@cnnkit/core';
import { KERNELS, createBackend as createCpu } from '@cnnkit/backend-cpu';
import { describe, expect, it } from 'vitest';
import { createBackend, formatTimings } from '../src';

/** Spins for `ms` of wall time: a kernel whose cost is known in advance. */
function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* spin */ }
}

/** The cpu backend with a relu that takes at least 15 ms a call. */
function cpuWithSlowRelu(): Backend {
  const cpu = createCpu();
  const slowRelu: Kernel<'relu'> = (inputs, attrs) => {
    busyWait(15);
    return KERNELS.relu!(inputs, attrs);
  };
  return { name: cpu.name, capabilities: cpu.capabilities, info: () => cpu.info(), fromHost: cpu.fromHost, compile: (g) => cpu.compile(g), kernels: { ...KERNELS, relu: slowRelu } };
}

function addThenRelu() {
  const g = new GraphBuilder('add-relu');
  const x = g.input('x', 'float32', ['N', 3]);
  const y = g.op('relu', [g.op('add', [x, x])]);
  return g.output(y).build();
}

describe('per-op timings', () => {
  it('counts every call of every op and measures the time spent in it', async () => {
    const checked = await createBackend({ delegate: cpuWithSlowRelu() });
    const exe = await checked.compile(addThenRelu());
    for (let i = 0; i < 3; i++) await exe.run({ x: Tensor.from([1, -2, 3], [1, 3]) });
    const [first, second, ...rest] = checked.timings();
    expect(rest).toEqual([]);
    // relu was made to take >= 15 ms a call, so it leads the list; add is the cpu kernel's own time.
    expect(first).toMatchObject({ op: 'relu', calls: 3 });
    expect(first!.totalMs).toBeGreaterThanOrEqual(45);
    expect(first!.meanMs).toBeCloseTo(first!.totalMs / 3, 9);
    expect(second).toMatchObject({ op: 'add', calls: 3 });
    expect(second!.totalMs).toBeLessThan(first!.totalMs);

    const table = formatTimings(checked.timings()).split('\n');
    expect(table[0]).toMatch(/^op\s+calls\s+total ms\s+mean ms$/);
    expect(table[1]).toMatch(/^relu\s+3\s+\d+\.\d{3}\s+\d+\.\d{3}$/);

    checked.resetTimings();
    expect(checked.timings()).toEqual([]);
  });

  it('times a graph-only delegate per graph run', async () => {
    const cpu = createCpu();
    const graphOnly: Backend = { name: 'graph-only', capabilities: { ...cpu.capabilities, eager: false }, info: () => cpu.info(), compile: (g) => cpu.compile(g) };
    const checked = await createBackend({ delegate: graphOnly });
    const exe = await checked.compile(addThenRelu());
    await exe.run({ x: Tensor.from([1, 2, 3, 4, 5, 6], [2, 3]) });
    expect(checked.timings().map((t) => [t.op, t.calls])).toEqual([['graph add-relu', 1]]);
  });
});

describe('publishing', () => {
  it("is what core's createBackend('<package name>') opens (built entry point)", async () => {
    const backend = await createByName('@cnnkit/example-custom-backend');
    expect(backend.name).toBe('checked');
    expect((await backend.info()).device).toBe('cpu');
  });
});
