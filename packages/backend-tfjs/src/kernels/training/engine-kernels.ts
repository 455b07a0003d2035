import * as tf from '@tensorflow/tfjs-core';

/**
 * Whether the active tfjs engine registers a kernel by this name. Engines differ (wasm has no
 * Conv2DBackpropFilter and no UnsortedSegmentSum); a training kernel uses TensorFlow's own where
 * it exists and a composed default elsewhere.
 */
export function engineHasKernel(name: string): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}

/**
 * Whether to run TensorFlow's Conv2DBackpropFilter (where the engine has one) rather than the
 * filter gradient composed as a convolution (conv-filter-gradient.ts). Not on tfjs's plain-JS
 * cpu engine: its Conv2DBackpropFilter is a direct loop nest, measured 10–35× slower than its own
 * im2col convolution here (batch 64: [1→6, 28², k5] 4.3 s vs 0.12 s; [6→16, 14², k3] 2.1 s vs
 * 0.07 s). The tensorflow engine's is TensorFlow's C++ kernel.
 */
export function useNativeFilterGradient(): boolean {
  return tf.getBackend() !== 'cpu' && engineHasKernel(tf.Conv2DBackpropFilter);
}

/**
 * Whether to run the engine's transposed convolution (Conv2DBackpropInput) rather than the
 * input gradient composed as a convolution of the zero-stuffed dy (conv-input-gradient.ts). Not
 * on wasm: its Conv2DBackpropInput is a plain loop while its convolution is XNNPACK's, measured
 * 2.5–7.5× slower here (batch 32: [6→16, 14², k5] 9.9 vs 3.6 ms; [64→64, 16², k3] 265 vs 36 ms).
 * On tfjs's cpu engine the transposed convolution is the faster of the two (26 vs 76 ms).
 */
export function useNativeTransposedConv(): boolean {
  return tf.getBackend() !== 'wasm';
}
