import type { StaticShape } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { forEachBroadcastRun } from './broadcast-runs';
import { broadcastSource, product, seeded, unravel } from './kernel-test-data';

/** Every (out, a, b) flat index triple the runs describe, in visiting order. */
function triples(aShape: StaticShape, bShape: StaticShape, outShape: StaticShape): number[][] {
  const seen: number[][] = [];
  forEachBroadcastRun(aShape, bShape, outShape, (n, ai, sa, bi, sb, oi) => {
    for (let i = 0; i < n; i++) seen.push([oi + i, ai + i * sa, bi + i * sb]);
  });
  return seen;
}

/** The same triples computed the slow obvious way: unravel each output index and map it back. */
function naiveTriples(aShape: StaticShape, bShape: StaticShape, outShape: StaticShape): number[][] {
  const out: number[][] = [];
  for (let o = 0; o < product(outShape); o++) {
    const idx = unravel(o, outShape);
    out.push([o, broadcastSource(idx, aShape), broadcastSource(idx, bShape)]);
  }
  return out;
}

/** An operand shape that broadcasts to `out`: a random suffix of it with some axes set to 1. */
function operandFor(out: StaticShape, rand: () => number): number[] {
  const rank = Math.floor(rand() * (out.length + 1));
  return out.slice(out.length - rank).map((d) => (rand() < 0.4 ? 1 : d));
}

describe('forEachBroadcastRun', () => {
  it('matches naive index mapping on 500 random shape pairs', () => {
    const rand = seeded(7);
    for (let trial = 0; trial < 500; trial++) {
      const rank = Math.floor(rand() * 6);
      const out = Array.from({ length: rank }, () => 1 + Math.floor(rand() * 4));
      const a = operandFor(out, rand);
      const b = operandFor(out, rand);
      // The output shape is what broadcasting a and b gives, which may be smaller than `out`.
      const r = Math.max(a.length, b.length);
      const outShape = Array.from({ length: r }, (_, i) => Math.max(a[a.length - r + i] ?? 1, b[b.length - r + i] ?? 1));
      expect(triples(a, b, outShape), `a [${a}] b [${b}]`).toEqual(naiveTriples(a, b, outShape));
    }
  });

  it('makes equal shapes one run with both strides 1', () => {
    const runs: number[][] = [];
    forEachBroadcastRun([2, 3, 4], [2, 3, 4], [2, 3, 4], (...r) => runs.push(r));
    expect(runs).toEqual([[24, 0, 1, 0, 1, 0]]);
  });

  it('makes a scalar operand one run with stride 0', () => {
    const runs: number[][] = [];
    forEachBroadcastRun([5, 6], [], [5, 6], (...r) => runs.push(r));
    expect(runs).toEqual([[30, 0, 1, 0, 0, 0]]);
  });

  it('makes a trailing vector one run per row, rewinding b each time', () => {
    const runs: number[][] = [];
    forEachBroadcastRun([3, 4], [4], [3, 4], (...r) => runs.push(r));
    expect(runs).toEqual([[4, 0, 1, 0, 1, 0], [4, 4, 1, 0, 1, 4], [4, 8, 1, 0, 1, 8]]);
  });

  it('visits nothing for an empty output and one element for all-ones shapes', () => {
    expect(triples([0, 3], [3], [0, 3])).toEqual([]);
    expect(triples([1, 1], [1], [1, 1])).toEqual([[0, 0, 0]]);
  });
});
