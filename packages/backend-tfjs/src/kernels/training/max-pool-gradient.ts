import type { MaxPoolAttrs } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from '../infer-output';
import { type PoolAxis, type PoolGeometry, paddedPlanes, poolGeometry } from '../pooling';
import { placeAxis } from './place-axis';
import { addTapsToPlanes, windowTaps } from './window-taps';

const FLOAT32_MAX = 3.4028234663852886e38;
/** What a tap of a window is, beyond its (clamped) value; -Infinity and +Infinity clamp onto ±FLOAT32_MAX. */
const NEG_INF = 1, POS_INF = 2, NAN = 4;

/** Whether some window of this axis reaches into begin padding or past the input's end. */
function readsPadding(a: PoolAxis): boolean {
  return a.padBegin > 0 || (a.outSize - 1) * a.stride + (a.kernel - 1) * a.dilation + 1 > a.padBegin + a.inSize;
}

/**
 * 0 where tap k of window q reads the input and -Infinity where it reads padding, [1, Q, K]; or
 * undefined when no window reads padding. Worked out on the host: it depends on the geometry only.
 */
function paddingPenalty(g: PoolGeometry): tf.Tensor3D | undefined {
  const { h, w } = g;
  if (!readsPadding(h) && !readsPadding(w)) return undefined;
  const count = h.kernel * w.kernel;
  const penalty = new Float32Array(h.outSize * w.outSize * count);
  const inside = (a: PoolAxis, o: number, k: number): boolean => {
    const at = o * a.stride - a.padBegin + k * a.dilation;
    return at >= 0 && at < a.inSize;
  };
  for (let oh = 0, i = 0; oh < h.outSize; oh++) {
    for (let ow = 0; ow < w.outSize; ow++) {
      for (let kh = 0; kh < h.kernel; kh++) {
        for (let kw = 0; kw < w.kernel; kw++, i++) if (!(inside(h, oh, kh) && inside(w, ow, kw))) penalty[i] = -Infinity;
      }
    }
  }
  return tf.tensor3d(penalty, [1, h.outSize * w.outSize, count]);
}

/** [K] float values f(k) for the taps k = 0..K-1, to broadcast over [P, Q, K]. */
function perTap(count: number, f: (k: number) => number): tf.Tensor1D {
  return tf.tensor1d(Float32Array.from({ length: count }, (_, k) => f(k)));
}

/**
 * For every window, which tap the reference routes dy to (backend-cpu's max-pooling-backward.ts,
 * PyTorch's choice): scanning the window's real taps in order, a tap takes over when it is
 * greater than the best so far or NaN. So: the FIRST tap holding the maximum; the first +Infinity;
 * the LAST NaN; a window of -Infinity only, its first real tap. The taps go through a convolution
 * (window-taps.ts), which needs finite values, so each tap carries its clamped value plus a code
 * for -Infinity / +Infinity / NaN, and every tap gets a score whose single highest value in the
 * window is the reference's pick (K taps, k its index, scores in disjoint bands):
 *   real tap                          K − k        (first real tap: the all -Infinity window)
 *   + at the window's max, not -Inf   2K           (first maximum)
 *   + +Infinity                       4K           (first +Infinity; it is also at the clamped max)
 *   + NaN                             8K + 2k      (last NaN; its clamped value is 0, the same for every NaN of the window)
 * Padding taps score 0 (the penalty keeps them off the max). Returns the picked k, [P, Q].
 */
function pickTaps(frame: tf.Tensor4D, g: PoolGeometry): tf.Tensor2D {
  const isNaN = tf.isNaN(frame);
  const clamped = tf.where(isNaN, tf.zerosLike(frame), tf.clipByValue(frame, -FLOAT32_MAX, FLOAT32_MAX));
  const codes = tf.add(tf.add(tf.mul(tf.cast(isNaN, 'float32'), NAN), tf.mul(tf.cast(tf.equal(frame, Infinity), 'float32'), POS_INF)), tf.mul(tf.cast(tf.equal(frame, -Infinity), 'float32'), NEG_INF));
  const count = g.h.kernel * g.w.kernel;
  const taps = windowTaps(clamped as tf.Tensor4D, g);
  const tapCodes = windowTaps(codes as tf.Tensor4D, g);
  const penalty = paddingPenalty(g);
  const masked = penalty ? tf.add(taps, penalty) : taps;
  // Clamped values are finite, so at the max exactly when the difference is 0 (padding: -Infinity).
  const atMax = tf.logicalAnd(tf.equal(tf.sub(masked, tf.max(masked, 2, true)), 0), tf.notEqual(tapCodes, NEG_INF));
  let score = tf.add(tf.mul(tf.cast(atMax, 'float32'), 2 * count), tf.mul(tf.cast(tf.equal(tapCodes, POS_INF), 'float32'), 4 * count));
  score = tf.add(score, tf.mul(tf.cast(tf.equal(tapCodes, NAN), 'float32'), perTap(count, (k) => 8 * count + 2 * k)));
  const real = penalty ? tf.cast(tf.isFinite(penalty), 'float32') : tf.scalar(1);
  score = tf.add(score, tf.mul(real, perTap(count, (k) => count - k)));
  return tf.argMax(score, 2) as tf.Tensor2D;
}

/**
 * (x, dy) -> dx for maxPool1d / maxPool2d: each dy goes to the input element its window picked
 * (pickTaps): a one-hot row per window times dy, added back onto the input's frame by col2im
 * (window-taps.ts), windows that share an element adding up; the frame is cut back to the input.
 */
export function maxPoolGradient(op: 'maxPool1dBackward' | 'maxPool2dBackward', inputs: readonly tf.Tensor[], attrs: MaxPoolAttrs): tf.Tensor[] {
  // Core's inference checks dy against what the forward pool makes of x.
  const { shape } = inferOutput(op, inputs, attrs);
  const [x, dy] = [inputs[0]!, inputs[1]!];
  const g = poolGeometry(op === 'maxPool1dBackward' ? 'maxPool1d' : 'maxPool2d', x, attrs);
  const { h, w } = g;
  const frame = paddedPlanes(x, g, 0);
  const planes = frame.shape[0];
  const windows = h.outSize * w.outSize;
  // oneHot's own dtype argument is not honoured by the wasm engine (it writes int32 bits into a
  // float32 tensor), hence the cast.
  const routed = tf.mul(tf.cast(tf.oneHot(pickTaps(frame, g), h.kernel * w.kernel), 'float32'), tf.reshape(dy, [planes, windows, 1]));
  const dFrame = addTapsToPlanes(routed as tf.Tensor3D, g, frame.shape);
  const dx = placeAxis(placeAxis(dFrame, 1, -h.padBegin, h.inSize), 2, -w.padBegin, w.inSize);
  return [tf.reshape(dx, [...shape])];
}
