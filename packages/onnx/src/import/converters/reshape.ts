import { normalizeAxis, sizeOf } from '@cnnkit/core';
import { withShape } from '../host-ops';
import type { NodeContext } from '../node-context';
import { isIdentityReshape, reshapeTarget } from '../reshape-target';

/**
 * Reshape with the target from a constant or a folded Shape pattern (allowzero 0: a 0 copies the
 * input's dim). Run-time sizes in the target become 0 (kept in place) or -1, see reshapeTarget.
 */
export function convertReshape(n: NodeContext): void {
  n.attrs.expectOnly(['allowzero']);
  const shape = n.constant(1, 'shape');
  if (shape.kind !== 'int' || shape.shape.length !== 1) throw n.error('SHAPE_MISMATCH', `input 1 (shape) is a ${shape.kind} tensor of shape [${shape.shape.join(', ')}]; expected a 1-D int64 list`);
  if (n.attrs.flag('allowzero', false) && shape.data.includes(0)) {
    throw n.unsupported(`has allowzero 1 and a 0 in its target [${shape.data.join(', ')}] (a zero-size dimension); cnnkit tensors have no zero-size dims`);
  }
  const data = n.value(0);
  if (data.kind === 'constant') {
    const t = data.tensor;
    const target = reshapeTarget(t.shape, shape.data, n.where).map((d, i) => (d === 0 ? t.shape[i]! : d));
    const known = sizeOf(target.filter((d) => d !== -1));
    const resolved = target.map((d) => (d === -1 ? sizeOf(t.shape) / known : d));
    if (sizeOf(resolved) !== sizeOf(t.shape) || !resolved.every(Number.isInteger)) {
      throw n.error('SHAPE_MISMATCH', `cannot reshape a constant of shape [${t.shape.join(', ')}] to [${shape.data.join(', ')}]`);
    }
    n.defineConstant(0, withShape(t, resolved));
    return;
  }
  const x = n.runtime(0);
  const target = reshapeTarget(x.type.shape, shape.data, n.where);
  if (isIdentityReshape(x.type.shape, target)) n.define(0, x);
  else n.emit('reshape', [x], { shape: target }, 0);
}

/** Flatten(axis): always 2-D, [prod(dims < axis), prod(dims >= axis)]. */
export function convertFlatten(n: NodeContext): void {
  n.attrs.expectOnly(['axis']);
  const v = n.value(0);
  const rank = v.kind === 'constant' ? v.tensor.shape.length : n.runtime(0).type.shape.length;
  const raw = n.attrs.int('axis', 1);
  const axis = raw === rank ? rank : normalizeAxis(raw, rank, n.where);
  if (v.kind === 'constant') {
    const t = v.tensor;
    n.defineConstant(0, withShape(t, [sizeOf(t.shape.slice(0, axis)), sizeOf(t.shape.slice(axis))]));
    return;
  }
  const x = n.runtime(0);
  if (axis === 0) {
    n.emit('reshape', [x], { shape: [1, -1] }, 0);
  } else if (axis === rank) {
    n.emit('reshape', [n.emit('flatten', [x], { startDim: 0, endDim: -1 })], { shape: [-1, 1] }, 0);
  } else if (axis === 1) {
    if (rank === 2) n.define(0, x);
    else n.emit('flatten', [x], { startDim: 1, endDim: -1 }, 0);
  } else {
    const lead = n.emit('flatten', [x], { startDim: 0, endDim: axis - 1 });
    n.emit('flatten', [lead], { startDim: 1, endDim: -1 }, 0);
  }
}
