import type { NodeContext } from '../node-context';
import { reshapeTarget } from '../reshape-target';
import type { RuntimeValue } from '../values';

/**
 * MatMul -> matmul, with NumPy's rule for 1-D operands (core's matmul takes rank >= 2): a 1-D A
 * is a row [1, K] and a 1-D B a column [K, 1], and the axis added is removed from the product.
 */
export function convertMatMul(n: NodeContext): void {
  n.attrs.expectOnly([]);
  const a = n.runtime(0);
  const b = n.runtime(1);
  const ra = a.type.shape.length;
  const rb = b.type.shape.length;
  if (ra === 0 || rb === 0) throw n.error('SHAPE_MISMATCH', `operands have shapes [${a.type.shape.join(', ')}] and [${b.type.shape.join(', ')}]; expected no scalars`);
  if (ra >= 2 && rb >= 2) {
    n.emit('matmul', [a, b], {}, 0);
    return;
  }
  const a2 = ra === 1 ? n.emit('reshape', [a], { shape: [1, -1] }) : a;
  const b2 = rb === 1 ? n.emit('reshape', [b], { shape: [-1, 1] }) : b;
  const product: RuntimeValue = n.emit('matmul', [a2, b2], {});
  const shape = product.type.shape;
  // Drop the column axis B gained (last), then the row axis A gained (second to last, or last once B's is gone).
  const target = shape.filter((_, i) => !((rb === 1 && i === shape.length - 1) || (ra === 1 && i === shape.length - 2)));
  n.emit('reshape', [product], { shape: reshapeTarget(shape, target, n.where) }, 0);
}
