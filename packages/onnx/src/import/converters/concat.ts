import { normalizeAxis } from '@cnnkit/core';
import { hostConcat } from '../host-ops';
import type { NodeContext } from '../node-context';

/** Concat: all constant (shape vectors, symbolic entries included) folds; otherwise core's concat. */
export function convertConcat(n: NodeContext): void {
  n.attrs.expectOnly(['axis']);
  const axisAttr = n.attrs.int('axis');
  if (axisAttr === undefined) throw n.error('INVALID_ATTRIBUTE', `has no attribute 'axis'; expected one`);
  const indices = n.node.input.map((_, i) => i).filter((i) => n.has(i));
  if (indices.length === 0) throw n.error('INVALID_GRAPH', 'has no inputs; expected at least one');
  if (indices.every((i) => n.isConstant(i))) {
    const parts = indices.map((i) => n.constant(i, `input ${i}`));
    const axis = normalizeAxis(axisAttr, parts[0]!.shape.length, n.where);
    n.defineConstant(0, hostConcat(parts, axis, n.where));
    return;
  }
  // Empty constants (exporters concatenate [] with a shape now and then) add nothing.
  const inputs = indices.filter((i) => !(n.isConstant(i) && n.constant(i, `input ${i}`).shape.includes(0))).map((i) => n.runtime(i));
  if (inputs.length === 1) n.define(0, inputs[0]!);
  else n.emit('concat', inputs, { axis: axisAttr }, 0);
}
