import { type Backend, type Tensor, type TensorValue, Tensor as TensorClass } from '@cnnkit/core';
import type { ConformanceCase, Tolerance } from './case';
import { compareTensors } from './compare';

export type CaseStatus = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  readonly id: string;
  readonly op: ConformanceCase['op'];
  readonly level: ConformanceCase['level'];
  readonly status: CaseStatus;
  /** Why it failed or was skipped. */
  readonly reason?: string;
  readonly ms: number;
}

/** The looser of the case's and the backend's tolerance, per component. */
export function effectiveTolerance(caseTol: Tolerance, backendTol: Partial<Tolerance> = {}): Tolerance {
  return { rtol: Math.max(caseTol.rtol, backendTol.rtol ?? 0), atol: Math.max(caseTol.atol, backendTol.atol ?? 0) };
}

/**
 * Runs one case on a backend: compile its graph, feed its inputs as host tensors, read every
 * output asynchronously (the only read all backends offer) and compare.
 */
export async function runCase(backend: Backend, c: ConformanceCase, tolerance: Partial<Tolerance> = {}): Promise<CaseResult> {
  const started = performance.now();
  const done = (status: CaseStatus, reason?: string): CaseResult => ({
    id: c.id, op: c.op, level: c.level, status, ms: performance.now() - started, ...(reason ? { reason } : {}),
  });
  const tol = effectiveTolerance(c.tolerance, tolerance);
  let outputs: Record<string, Tensor> = {};
  try {
    const exe = await backend.compile(c.graph);
    try {
      const feeds: Record<string, Tensor> = {};
      for (const [name, v] of Object.entries(c.inputs)) feeds[name] = TensorClass.from(v.data.slice(), v.shape, v.dtype);
      outputs = await exe.run(feeds);
    } finally {
      exe.dispose();
    }
    const values: Record<string, TensorValue> = {};
    for (const name of Object.keys(c.expected)) {
      const out = outputs[name];
      if (!out) return done('failed', `output '${name}' is missing; got ${Object.keys(outputs).join(', ') || 'nothing'}`);
      values[name] = await out.toValue();
    }
    const problems: string[] = [];
    if (c.check) {
      const msg = c.check(values);
      if (msg) problems.push(msg);
    } else {
      for (const [name, expected] of Object.entries(c.expected)) {
        const msg = compareTensors(name, values[name]!, expected, tol);
        if (msg) problems.push(msg);
      }
    }
    return problems.length ? done('failed', problems.join('; ')) : done('passed');
  } catch (error) {
    const e = error as Error;
    return done('failed', `threw ${e.name}${(e as { code?: string }).code ? ` [${(e as { code?: string }).code}]` : ''}: ${e.message}`);
  } finally {
    for (const t of Object.values(outputs)) t.dispose();
  }
}
