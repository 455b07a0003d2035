import * as tf from '@tensorflow/tfjs-core';

// Kernels receive and return NCHW / NCL tensors (core's eager contract), and tfjs's convolutions
// want NHWC: each convolution transposes at its own edges. Ops that do not care about layout
// (pools through a [N*C, H, W, 1] view, batchNorm, elementwise, global pools) stay in NCHW and
// transpose nothing. Compiled graphs keep values in NHWC between convolutions and the ops that
// allow it, dropping the NHWC -> NCHW -> NHWC pairs between them: that is graph-level layout
// planning, in src/graph/layout-plan.ts, not something a per-op kernel can do.

export function nchwToNhwc(x: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(x, [0, 2, 3, 1]);
}

export function nhwcToNchw(x: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(x, [0, 3, 1, 2]);
}

/** OIHW (PyTorch) weights to tfjs's HWIO filter. */
export function oihwToHwio(w: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(w, [2, 3, 1, 0]);
}
