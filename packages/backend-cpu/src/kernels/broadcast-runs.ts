import type { StaticShape } from '@cnnkit/core';

/**
 * Receives one contiguous run of a broadcast: for i < n, output element oi + i reads a[ai + i * sa]
 * and b[bi + i * sb], where sa and sb are 1 (the operand varies along the run) or 0 (it is broadcast).
 */
export type RunVisitor = (n: number, ai: number, sa: number, bi: number, sb: number, oi: number) => void;

/**
 * Walks NumPy broadcasting of a and b into outShape (already checked by the op's shape inference)
 * as a few long runs instead of one index computation per element. Adjacent axes along which each
 * operand is either fully present or fully broadcast merge into one, so equal shapes are one run,
 * a scalar operand is one run with stride 0, and a trailing vector ([n, c] + [c]) is n runs of c.
 */
export function forEachBroadcastRun(aShape: StaticShape, bShape: StaticShape, outShape: StaticShape, visit: RunVisitor): void {
  const rank = outShape.length;
  let total = 1;
  for (const d of outShape) total *= d;
  if (total === 0) return;

  // Collapsed axes, outermost first: size and whether each operand is broadcast along it.
  const sizes: number[] = [];
  const aBroadcast: boolean[] = [];
  const bBroadcast: boolean[] = [];
  for (let i = 0; i < rank; i++) {
    const d = outShape[i]!;
    if (d === 1) continue; // size-1 axes move no operand
    const aB = (aShape[aShape.length - rank + i] ?? 1) === 1;
    const bB = (bShape[bShape.length - rank + i] ?? 1) === 1;
    const last = sizes.length - 1;
    if (last >= 0 && aBroadcast[last] === aB && bBroadcast[last] === bB) {
      sizes[last]! *= d;
    } else {
      sizes.push(d);
      aBroadcast.push(aB);
      bBroadcast.push(bB);
    }
  }
  if (sizes.length === 0) {
    visit(1, 0, 0, 0, 0, 0);
    return;
  }

  const r = sizes.length;
  const aStrides = new Array<number>(r);
  const bStrides = new Array<number>(r);
  let aStride = 1;
  let bStride = 1;
  for (let i = r - 1; i >= 0; i--) {
    aStrides[i] = aBroadcast[i] ? 0 : aStride;
    bStrides[i] = bBroadcast[i] ? 0 : bStride;
    if (!aBroadcast[i]) aStride *= sizes[i]!;
    if (!bBroadcast[i]) bStride *= sizes[i]!;
  }

  const n = sizes[r - 1]!;
  const sa = aStrides[r - 1]!;
  const sb = bStrides[r - 1]!;
  const runs = total / n;
  // Odometer over the outer collapsed axes, carrying the operands' offsets along.
  const counter = new Array<number>(r - 1).fill(0);
  let ai = 0;
  let bi = 0;
  for (let run = 0, oi = 0; run < runs; run++, oi += n) {
    visit(n, ai, sa, bi, sb, oi);
    for (let axis = r - 2; axis >= 0; axis--) {
      ai += aStrides[axis]!;
      bi += bStrides[axis]!;
      if (++counter[axis]! < sizes[axis]!) break;
      ai -= aStrides[axis]! * sizes[axis]!;
      bi -= bStrides[axis]! * sizes[axis]!;
      counter[axis] = 0;
    }
  }
}
