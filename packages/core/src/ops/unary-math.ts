import type { NoAttrs } from './attributes';
import { checkKnownAttributes } from './attribute-checks';
import type { OpDef } from './op-def';

type UnaryMath = 'neg' | 'abs' | 'sign' | 'exp' | 'log' | 'sqrt';

function makeUnaryMath<K extends UnaryMath>(type: K, summary: string): OpDef<K> {
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

export const negOp = makeUnaryMath('neg', '-x');
export const absOp = makeUnaryMath('abs', '|x|');
export const signOp = makeUnaryMath('sign', '-1, 0 or 1 by the sign of x (NaN stays NaN)');
export const expOp = makeUnaryMath('exp', 'e^x');
export const logOp = makeUnaryMath('log', 'natural logarithm (log 0 = -Infinity, negative -> NaN)');
export const sqrtOp = makeUnaryMath('sqrt', 'square root (negative -> NaN)');
