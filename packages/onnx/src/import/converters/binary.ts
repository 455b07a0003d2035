import { type BinaryOp, hostBinary } from '../host-ops';
import type { NodeContext } from '../node-context';

/**
 * Add / Sub / Mul / Div with broadcasting. Both constant: folded on the host (shape arithmetic
 * such as Shape -> Gather -> Mul stays symbolic). Otherwise the core op, constants as initializers.
 */
function binary(op: BinaryOp) {
  return (n: NodeContext): void => {
    // opset < 7 had broadcast / axis attributes; opset 7+ broadcasts like NumPy.
    n.attrs.expectOnly([]);
    if (n.isConstant(0) && n.isConstant(1)) {
      n.defineConstant(0, hostBinary(op, n.constant(0, 'A'), n.constant(1, 'B'), n.where));
      return;
    }
    n.emit(op, [n.runtime(0), n.runtime(1)], {}, 0);
  };
}

export const convertAdd = binary('add');
export const convertSub = binary('sub');
export const convertMul = binary('mul');
export const convertDiv = binary('div');
