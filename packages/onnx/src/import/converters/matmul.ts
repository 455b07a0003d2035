import type { NodeContext } from '../node-context';

/** MatMul -> matmul (both operands of rank >= 2; NumPy's 1-D promotion is not imported). */
export function convertMatMul(n: NodeContext): void {
  n.attrs.expectOnly([]);
  const a = n.runtime(0);
  const b = n.runtime(1);
  if (a.type.shape.length < 2 || b.type.shape.length < 2) {
    throw n.unsupported(`operands have shapes [${a.type.shape.join(', ')}] and [${b.type.shape.join(', ')}]; cnnkit's matmul expects rank >= 2 for both (1-D operands are not imported)`);
  }
  n.emit('matmul', [a, b], {}, 0);
}
