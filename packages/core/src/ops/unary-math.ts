import { plainUnaryOp } from './unary-op';

export const negOp = plainUnaryOp('neg', '-x');
export const absOp = plainUnaryOp('abs', '|x|');
export const signOp = plainUnaryOp('sign', '-1, 0 or 1 by the sign of x (NaN stays NaN)');
export const expOp = plainUnaryOp('exp', 'e^x');
export const logOp = plainUnaryOp('log', 'natural logarithm (log 0 = -Infinity, negative -> NaN)');
export const sqrtOp = plainUnaryOp('sqrt', 'square root (negative -> NaN)');
