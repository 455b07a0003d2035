import { normalizeAxis } from '@cnnkit/core';
import { hostGather } from '../host-ops';
import type { NodeContext } from '../node-context';

/**
 * Gather: known data and indices fold (Shape -> Gather picks a dim, possibly the symbolic batch);
 * otherwise core's gather, with int64 indices as int32 (an embedding: Gather(weight, ids)).
 */
export function convertGather(n: NodeContext): void {
  n.attrs.expectOnly(['axis']);
  const data = n.value(0);
  const rank = data.kind === 'constant' ? data.tensor.shape.length : n.runtime(0).type.shape.length;
  const axis = normalizeAxis(n.attrs.int('axis', 0), rank, n.where);
  if (data.kind === 'constant' && n.isConstant(1)) {
    const idx = n.constant(1, 'indices');
    if (idx.kind !== 'int') throw n.error('DTYPE_MISMATCH', `indices are float; expected int64 or int32`);
    n.defineConstant(0, hostGather(data.tensor, n.intValues(1, 'indices'), idx.shape, axis, n.where));
    return;
  }
  const indices = n.runtime(1);
  if (indices.type.dtype !== 'int32') throw n.error('DTYPE_MISMATCH', `indices are ${n.describe(1)}; expected integers`);
  n.emit('gather', [n.runtime(0), indices], { axis }, 0);
}
