import { hostTranspose } from '../host-ops';
import type { NodeContext } from '../node-context';

/** Transpose (perm defaults to reversing the axes); constants are transposed on the host. */
export function convertTranspose(n: NodeContext): void {
  n.attrs.expectOnly(['perm']);
  const v = n.value(0);
  const rank = v.kind === 'constant' ? v.tensor.shape.length : n.runtime(0).type.shape.length;
  const perm = n.attrs.ints('perm', Array.from({ length: rank }, (_, i) => rank - 1 - i));
  const sorted = [...perm].sort((a, b) => a - b);
  if (sorted.length !== rank || sorted.some((p, i) => p !== i)) throw n.error('INVALID_ATTRIBUTE', `attribute 'perm' [${perm.join(', ')}] is not a permutation of ${rank} axes`);
  if (v.kind === 'constant') n.defineConstant(0, hostTranspose(v.tensor, perm));
  else n.emit('transpose', [n.runtime(0)], { perm }, 0);
}
