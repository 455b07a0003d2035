import type { OpAttrs, OpType } from '@cnnkit/core';
import type * as tf from '@tensorflow/tfjs-core';

/**
 * A kernel as this package writes it: tf.Tensors in (NCHW / NCL, PyTorch layout, exactly what
 * core's op set describes), tf.Tensors out. The backend wraps each one (src/kernel-table.ts): it
 * activates the right tfjs engine, runs the kernel inside tf.tidy (so intermediates never leak)
 * and turns the outputs into cnnkit Tensors. Kernels therefore never dispose intermediates
 * themselves and never see cnnkit Tensors.
 */
export type TfKernel<K extends OpType> = (inputs: readonly tf.Tensor[], attrs: OpAttrs<K>) => tf.Tensor[];
export type TfKernelTable = { readonly [K in OpType]?: TfKernel<K> };
