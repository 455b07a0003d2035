import type { Dim } from '@cnnkit/core';
import { DATA_TYPE } from '../../proto/enums';
import { intHost } from '../host-tensor';
import type { NodeContext } from '../node-context';
import type { Value } from '../values';

function shapeOf(n: NodeContext, v: Value): readonly Dim[] {
  if (v.kind === 'constant') return v.tensor.shape;
  if (v.kind === 'runtime') return v.type.shape;
  if (v.kind === 'padded') {
    const s = v.pads.length / 2;
    return v.source.type.shape.map((d, i) => {
      if (i < 2) return d;
      if (typeof d !== 'number') throw n.unsupported(`reads the shape of a value padded by Pad node '${v.by}' along the run-time size '${d}'`);
      return d + v.pads[i - 2]! + v.pads[i - 2 + s]!;
    });
  }
  throw n.unsupported(`cannot read its input`);
}

/**
 * Shape folds to a constant int64 vector from the input's inferred shape; a symbolic dim (the
 * batch 'N') stays a named entry, which Gather / Concat / Reshape carry on (see reshapeTarget).
 * start / end (opset 15) pick a range of axes.
 */
export function convertShape(n: NodeContext): void {
  n.attrs.expectOnly(['start', 'end']);
  const shape = shapeOf(n, n.value(0));
  const rank = shape.length;
  const clamp = (a: number): number => Math.min(Math.max(a < 0 ? a + rank : a, 0), rank);
  const start = clamp(n.attrs.int('start', 0));
  const end = clamp(n.attrs.int('end', rank));
  const dims = shape.slice(start, Math.max(start, end));
  n.defineConstant(0, intHost([dims.length], dims, DATA_TYPE.INT64));
}
