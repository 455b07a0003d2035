import { type Dim, normalizeAxis } from '@cnnkit/core';
import { withShape } from '../host-ops';
import type { NodeContext } from '../node-context';
import { reshapeTarget } from '../reshape-target';

/** Axes from the attribute (opset < 13) or the optional input 1 (opset 13+). */
function readAxes(n: NodeContext): number[] | undefined {
  if (n.has(1)) return n.ints(1, 'axes');
  return n.attrs.ints('axes');
}

function shapeOf(n: NodeContext): readonly Dim[] {
  const v = n.value(0);
  return v.kind === 'constant' ? v.tensor.shape : n.runtime(0).type.shape;
}

/** The new shape on the host for constants, else a reshape (0 keeps symbolic dims in place). */
function reshapeTo(n: NodeContext, out: readonly Dim[]): void {
  const v = n.value(0);
  if (v.kind === 'constant') {
    n.defineConstant(0, withShape(v.tensor, out as number[]));
    return;
  }
  const x = n.runtime(0);
  n.emit('reshape', [x], { shape: reshapeTarget(x.type.shape, out, n.where) }, 0);
}

/** Unsqueeze: inserts size-1 axes at the given positions of the output. */
export function convertUnsqueeze(n: NodeContext): void {
  n.attrs.expectOnly(['axes']);
  const axes = readAxes(n);
  if (!axes) throw n.error('INVALID_ATTRIBUTE', `has no axes; expected the 'axes' attribute (opset < 13) or input 1`);
  const shape = shapeOf(n);
  const rank = shape.length + axes.length;
  const at = new Set(axes.map((a) => normalizeAxis(a, rank, n.where)));
  if (at.size !== axes.length) throw n.error('INVALID_ATTRIBUTE', `axes [${axes.join(', ')}] repeat an axis`);
  const out: Dim[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) out.push(at.has(i) ? 1 : shape[k++]!);
  reshapeTo(n, out);
}

/** Squeeze: removes the given size-1 axes (all size-1 axes when none are given). */
export function convertSqueeze(n: NodeContext): void {
  n.attrs.expectOnly(['axes']);
  const shape = shapeOf(n);
  const given = readAxes(n);
  const axes = given ? given.map((a) => normalizeAxis(a, shape.length, n.where)) : shape.flatMap((d, i) => (d === 1 ? [i] : []));
  for (const a of axes) {
    if (shape[a] !== 1) throw n.error('SHAPE_MISMATCH', `squeezes axis ${a} of shape [${shape.join(', ')}], whose size is ${shape[a]}; expected 1`);
  }
  reshapeTo(n, shape.filter((_, i) => !axes.includes(i)));
}
