import type { Kernel, OpAttrs } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutputShape } from './infer-output';

export type UnaryOp = 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh' | 'neg' | 'abs' | 'sign' | 'exp' | 'log' | 'sqrt';

/** Fills y[i] = f(x[i]) for every i; the op writes the loop so its body stays monomorphic. */
export type UnaryMap<K extends UnaryOp> = (x: Float32Array, y: Float32Array, attrs: OpAttrs<K>) => void;

/** A float32 elementwise kernel: same shape out as in. */
export function unaryKernel<K extends UnaryOp>(op: K, map: UnaryMap<K>): Kernel<K> {
  return (inputs, attrs) => {
    const shape = inferOutputShape(op, inputs, attrs);
    const x = f32(inputs[0]!);
    const y = new Float32Array(x.length);
    map(x, y, attrs);
    return [cpuTensor(y, shape)];
  };
}
