import { type StaticShape, normalizeAxis } from '@cnnkit/core';
import { permuteInto } from './permute';

/**
 * A reduction's input seen as [outer, reduced, inner] blocks: value (o, r, i) sits at
 * data[(o * reduced + r) * inner + i] and reduces into output o * inner + i.
 */
export interface ReductionView {
  readonly data: Float32Array;
  readonly outer: number;
  readonly reduced: number;
  readonly inner: number;
}

/**
 * Views `data` (shape `shape`) for a reduction over `axes` (empty: every axis). Size-1 axes are
 * ignored and neighbouring axes of the same kind merge, so any contiguous axis set, a single axis
 * and "all" need no copy. Only an interleaved set (N and H of NCHW, say) is first permuted into
 * kept-axes-then-reduced-axes order, after which inner is 1: one O(n) copy that keeps every
 * reduction loop in a single simple form.
 */
export function reductionView(data: Float32Array, shape: StaticShape, axes: readonly number[], op: string): ReductionView {
  const reducedAxis = reducedAxes(shape, axes, op);
  const runs = axisRuns(shape, reducedAxis);
  const reducedRuns = runs.filter((r) => r.reduced).length;
  if (reducedRuns === 0) return { data, outer: data.length, reduced: 1, inner: 1 };
  if (reducedRuns === 1) {
    const at = runs.findIndex((r) => r.reduced);
    const outer = runs.slice(0, at).reduce((n, r) => n * r.size, 1);
    const inner = runs.slice(at + 1).reduce((n, r) => n * r.size, 1);
    return { data, outer, reduced: runs[at]!.size, inner };
  }

  const kept = [...shape.keys()].filter((i) => !reducedAxis[i]);
  const gone = [...shape.keys()].filter((i) => reducedAxis[i]);
  const permuted = new Float32Array(data.length);
  permuteInto(data, permuted, shape, [...kept, ...gone]);
  const reduced = gone.reduce((n, i) => n * shape[i]!, 1);
  return { data: permuted, outer: kept.reduce((n, i) => n * shape[i]!, 1), reduced, inner: 1 };
}

/** Per axis, whether the reduction is over it (every axis when `axes` is empty). */
export function reducedAxes(shape: StaticShape, axes: readonly number[], op: string): boolean[] {
  const rank = shape.length;
  const reducedAxis = new Array<boolean>(rank).fill(axes.length === 0);
  for (const a of axes) reducedAxis[normalizeAxis(a, rank, op)] = true;
  return reducedAxis;
}

/** Runs of same-kind (reduced or kept) axes after dropping size-1 axes, outermost first, each with its total size. */
export function axisRuns(shape: StaticShape, reducedAxis: readonly boolean[]): { reduced: boolean; size: number }[] {
  const runs: { reduced: boolean; size: number }[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1) continue;
    const last = runs[runs.length - 1];
    if (last && last.reduced === reducedAxis[i]) last.size *= shape[i]!;
    else runs.push({ reduced: reducedAxis[i]!, size: shape[i]! });
  }
  return runs;
}
