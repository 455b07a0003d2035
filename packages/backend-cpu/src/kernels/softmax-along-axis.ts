import { type Kernel, normalizeAxis } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutputShape } from './infer-output';

/**
 * softmax / logSoftmax along any axis, viewing x as [outer, n, inner] with n the axis length.
 * Numerically stable: exp(x - max) never overflows. -Infinity behaves as in PyTorch: a -Infinity
 * entry gets probability 0 (log-probability -Infinity); a slice that is all -Infinity has
 * max = -Infinity, so x - max is NaN and the whole slice is NaN, exactly as torch.softmax gives.
 */
export function axisSoftmaxKernel<K extends 'softmax' | 'logSoftmax'>(op: K, log: boolean): Kernel<K> {
  return (inputs, attrs) => {
    const shape = inferOutputShape(op, inputs, attrs);
    const axis = normalizeAxis(attrs.axis, shape.length, `${op} (cpu kernel)`);
    const x = f32(inputs[0]!);
    const y = new Float32Array(x.length);
    const n = shape[axis]!;
    let outer = 1;
    let inner = 1;
    for (let i = 0; i < axis; i++) outer *= shape[i]!;
    for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
    if (inner === 1) softmaxRows(x, y, outer, n, log);
    else softmaxStrided(x, y, outer, n, inner, log);
    return [cpuTensor(y, shape)];
  };
}

/** The axis is the last one: each of `rows` slices of length n is contiguous. */
function softmaxRows(x: Float32Array, y: Float32Array, rows: number, n: number, log: boolean): void {
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    let max = -Infinity;
    for (let k = 0; k < n; k++) if (x[base + k]! > max) max = x[base + k]!;
    // A slice of only -Infinity (or NaN) leaves max at -Infinity; x - max is then NaN, as in torch.
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const e = Math.exp(x[base + k]! - max);
      if (!log) y[base + k] = e;
      sum += e;
    }
    if (log) {
      const shift = max + Math.log(sum);
      for (let k = 0; k < n; k++) y[base + k] = x[base + k]! - shift;
    } else {
      const scale = 1 / sum;
      for (let k = 0; k < n; k++) y[base + k] = y[base + k]! * scale;
    }
  }
}

/**
 * An inner axis: the slice for (o, j) is x[o*n*inner + k*inner + j] over k. Walking k outermost
 * and j innermost keeps memory access contiguous; per-j maxima and sums live in scratch rows.
 */
function softmaxStrided(x: Float32Array, y: Float32Array, outer: number, n: number, inner: number, log: boolean): void {
  const max = new Float64Array(inner);
  const sum = new Float64Array(inner);
  const block = n * inner;
  for (let o = 0, base = 0; o < outer; o++, base += block) {
    max.fill(-Infinity);
    sum.fill(0);
    for (let k = 0, row = base; k < n; k++, row += inner) {
      for (let j = 0; j < inner; j++) if (x[row + j]! > max[j]!) max[j] = x[row + j]!;
    }
    for (let k = 0, row = base; k < n; k++, row += inner) {
      for (let j = 0; j < inner; j++) {
        const e = Math.exp(x[row + j]! - max[j]!);
        if (!log) y[row + j] = e;
        sum[j]! += e;
      }
    }
    if (log) {
      // Reuse `sum` for the per-slice shift max + log(sum).
      for (let j = 0; j < inner; j++) sum[j] = max[j]! + Math.log(sum[j]!);
      for (let k = 0, row = base; k < n; k++, row += inner) {
        for (let j = 0; j < inner; j++) y[row + j] = x[row + j]! - sum[j]!;
      }
    } else {
      for (let j = 0; j < inner; j++) sum[j] = 1 / sum[j]!;
      for (let k = 0, row = base; k < n; k++, row += inner) {
        for (let j = 0; j < inner; j++) y[row + j] = y[row + j]! * sum[j]!;
      }
    }
  }
}
