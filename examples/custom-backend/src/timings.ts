import { performance } from 'node:perf_hooks';

/** Time spent in one op (or one whole graph, for graph-only delegates), summed over its calls. */
export interface OpTiming {
  readonly op: string;
  readonly calls: number;
  readonly totalMs: number;
  readonly meanMs: number;
}

/** Per-op wall time of every kernel call and graph node the checked backend ran. */
export class TimingRecorder {
  readonly #byOp = new Map<string, { calls: number; totalMs: number }>();

  /** Runs fn and adds its wall time to `op`, also when it throws. */
  time<T>(op: string, fn: () => T): T {
    const started = performance.now();
    try {
      return fn();
    } finally {
      this.add(op, performance.now() - started);
    }
  }

  add(op: string, ms: number): void {
    const entry = this.#byOp.get(op) ?? { calls: 0, totalMs: 0 };
    entry.calls += 1;
    entry.totalMs += ms;
    this.#byOp.set(op, entry);
  }

  /** Slowest first (ties by name), so the top of the list is where the time went. */
  report(): OpTiming[] {
    return [...this.#byOp]
      .map(([op, e]) => ({ op, calls: e.calls, totalMs: e.totalMs, meanMs: e.totalMs / e.calls }))
      .sort((a, b) => b.totalMs - a.totalMs || a.op.localeCompare(b.op));
  }

  reset(): void {
    this.#byOp.clear();
  }
}

/** The report as an aligned text table, for printing. */
export function formatTimings(timings: readonly OpTiming[]): string {
  const rows = timings.map((t) => [t.op, String(t.calls), t.totalMs.toFixed(3), t.meanMs.toFixed(3)]);
  const all = [['op', 'calls', 'total ms', 'mean ms'], ...rows];
  const widths = all[0]!.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  return all.map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ')).join('\n');
}
