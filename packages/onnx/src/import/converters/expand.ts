import type { NodeContext } from '../node-context';

/**
 * Expand: the target shape from a constant or folded Shape pattern. A run-time size there must
 * be the input's own (aligned from the right); it becomes 1, which broadcasting leaves as it is.
 */
export function convertExpand(n: NodeContext): void {
  n.attrs.expectOnly([]);
  const target = n.constant(1, 'shape');
  if (target.kind !== 'int' || target.shape.length !== 1) throw n.error('SHAPE_MISMATCH', `input 1 (shape) is a ${target.kind} tensor of shape [${target.shape.join(', ')}]; expected a 1-D int64 list`);
  const x = n.runtime(0);
  const xs = x.type.shape;
  const offset = target.data.length - xs.length;
  const shape = target.data.map((d, i) => {
    if (typeof d === 'number') return d;
    if (xs[i - offset] === d) return 1;
    throw n.unsupported(`target shape [${target.data.join(', ')}] has the run-time size '${d}' at axis ${i}, which is not the input's own (input [${xs.join(', ')}]); expected known sizes there`);
  });
  n.emit('expand', [x], { shape }, 0);
}
