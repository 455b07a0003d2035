import { noAttrs } from './attribute-checks';
import type { OpDef } from './op-def';

/** The elementwise ops of one float32 input and no attributes (activations and unary maths). */
export type PlainUnaryOp = 'relu' | 'sigmoid' | 'tanh' | 'neg' | 'abs' | 'sign' | 'exp' | 'log' | 'sqrt';

/** The definition every plain unary op shares: y has x's dtype and shape, and no attribute is accepted. */
export function plainUnaryOp<K extends PlainUnaryOp>(type: K, summary: string): OpDef<K> {
  return {
    type,
    summary,
    inputs: [{ name: 'x', dtypes: ['float32'] }],
    outputs: ['y'],
    normalize: noAttrs,
    infer: ([x]) => [x!],
  };
}
