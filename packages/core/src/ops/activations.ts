import type { LeakyReluAttrs } from './attributes';
import { checkKnownAttributes, numberAttr } from './attribute-checks';
import type { OpDef } from './op-def';
import { plainUnaryOp } from './unary-op';

export const reluOp = plainUnaryOp('relu', 'max(x, 0)');
export const sigmoidOp = plainUnaryOp('sigmoid', '1 / (1 + exp(-x))');
export const tanhOp = plainUnaryOp('tanh', 'hyperbolic tangent');

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
