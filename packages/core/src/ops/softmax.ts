import { normalizeAxis } from '../tensor/shape';
import type { AxisAttrs } from './attributes';
import { checkKnownAttributes, intAttr } from './attribute-checks';
import type { OpDef } from './op-def';

function makeSoftmax<K extends 'softmax' | 'logSoftmax'>(type: K, summary: string): OpDef<K> {
  return {
    type,
    summary,
    inputs: [{ name: 'x', dtypes: ['float32'] }],
    outputs: ['y'],
    normalize(attrs, where): AxisAttrs {
      checkKnownAttributes(attrs, ['axis'], where);
      return { axis: intAttr(attrs, 'axis', -1, where) };
    },
    infer([x], attrs, where) {
      normalizeAxis(attrs.axis, x!.shape.length, where);
      return [x!];
    },
  };
}

export const softmaxOp = makeSoftmax('softmax', 'exp(x) / sum(exp(x)) along one axis (numerically stable)');
export const logSoftmaxOp = makeSoftmax('logSoftmax', 'x - logsumexp(x) along one axis (numerically stable)');
