import type { LeakyReluAttrs, NoAttrs } from './attributes';
import { checkKnownAttributes, numberAttr } from './attribute-checks';
import type { OpDef } from './op-def';

function makeUnary<K extends 'relu' | 'sigmoid' | 'tanh'>(type: K, summary: string): OpDef<K> {
  return {
    type,
    summary,
    inputs: [{ name: 'x', dtypes: ['float32'] }],
    outputs: ['y'],
    normalize(attrs, where): NoAttrs {
      checkKnownAttributes(attrs, [], where);
      return {};
    },
    infer: ([x]) => [x!],
  };
}

export const reluOp = makeUnary('relu', 'max(x, 0)');
export const sigmoidOp = makeUnary('sigmoid', '1 / (1 + exp(-x))');
export const tanhOp = makeUnary('tanh', 'hyperbolic tangent');

export const leakyReluOp: OpDef<'leakyRelu'> = {
  type: 'leakyRelu',
  summary: 'x if x >= 0 else alpha * x (PyTorch default alpha 0.01)',
  inputs: [{ name: 'x', dtypes: ['float32'] }],
  outputs: ['y'],
  normalize(attrs, where): LeakyReluAttrs {
    checkKnownAttributes(attrs, ['alpha'], where);
    return { alpha: numberAttr(attrs, 'alpha', 0.01, where) };
  },
  infer: ([x]) => [x!],
};
