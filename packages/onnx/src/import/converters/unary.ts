import type { NodeContext } from '../node-context';

type PlainUnary = 'relu' | 'sigmoid' | 'tanh' | 'neg' | 'abs' | 'sign' | 'exp' | 'log' | 'sqrt';

/** Elementwise ops of one float input and no attributes, one to one. */
function unary(op: PlainUnary) {
  return (n: NodeContext): void => {
    n.attrs.expectOnly([]);
    n.emit(op, [n.runtime(0)], {}, 0);
  };
}

export const convertRelu = unary('relu');
export const convertSigmoid = unary('sigmoid');
export const convertTanh = unary('tanh');
export const convertNeg = unary('neg');
export const convertAbs = unary('abs');
export const convertSign = unary('sign');
export const convertExp = unary('exp');
export const convertLog = unary('log');
export const convertSqrt = unary('sqrt');

/** LeakyRelu: ONNX's alpha defaults to 0.01, as PyTorch's negative_slope. */
export function convertLeakyRelu(n: NodeContext): void {
  n.attrs.expectOnly(['alpha']);
  n.emit('leakyRelu', [n.runtime(0)], { alpha: n.attrs.float('alpha', 0.01) }, 0);
}
