import type { DropoutAttrs } from './attributes';
import { boolAttr, checkKnownAttributes, intAttr, numberAttr } from './attribute-checks';
import type { OpDef } from './op-def';

export const dropoutOp: OpDef<'dropout'> = {
  type: 'dropout',
  summary: 'identity in inference; in training zeroes each value with probability ratio and scales the rest by 1 / (1 - ratio)',
  inputs: [{ name: 'x', dtypes: ['float32'] }],
  outputs: ['y'],
  normalize(attrs, where): DropoutAttrs {
    checkKnownAttributes(attrs, ['ratio', 'training', 'seed'], where);
    return {
      ratio: numberAttr(attrs, 'ratio', 0.5, where, (v) => v >= 0 && v < 1, 'a probability in [0, 1)'),
      training: boolAttr(attrs, 'training', false, where),
      seed: intAttr(attrs, 'seed', 0, where, 0),
    };
  },
  infer: ([x]) => [x!],
};
