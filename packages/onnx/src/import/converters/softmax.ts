import { normalizeAxis } from '@cnnkit/core';
import type { NodeContext } from '../node-context';
import { reshapeTarget } from '../reshape-target';

/**
 * Softmax / LogSoftmax. From opset 13 they work along one axis (default -1), as core's. Before,
 * the input was coerced to 2-D [prod(dims < axis), prod(dims >= axis)] (default axis 1) and
 * normalised along the second: the same as flattening the axes from `axis` on, normalising the
 * merged last axis and reshaping back, which needs the trailing sizes known.
 */
function softmaxLike(op: 'softmax' | 'logSoftmax') {
  return (n: NodeContext): void => {
    n.attrs.expectOnly(['axis']);
    const x = n.runtime(0);
    const rank = x.type.shape.length;
    const coerced = n.opset < 13;
    const axis = normalizeAxis(n.attrs.int('axis', coerced ? 1 : -1), Math.max(rank, 1), n.where);
    if (!coerced || axis === rank - 1) {
      n.emit(op, [x], { axis }, 0);
      return;
    }
    const flat = n.emit('flatten', [x], { startDim: axis, endDim: -1 });
    const y = n.emit(op, [flat], { axis });
    n.emit('reshape', [y], { shape: reshapeTarget(flat.type.shape, x.type.shape, `${n.where} (opset ${n.opset} coerces to 2-D around axis ${axis})`) }, 0);
  };
}

export const convertSoftmax = softmaxLike('softmax');
export const convertLogSoftmax = softmaxLike('logSoftmax');
