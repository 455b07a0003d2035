import { type Backend, type Executable, Tensor } from '@cnnkit/core';

export interface ClassifyResult {
  /** argmax of each image's output row. */
  readonly predictions: Int32Array;
  /** Wall time of each batch's run + read, in milliseconds. */
  readonly batchMs: readonly number[];
  /** The outputs of the first batch, copied, for comparing against another executable. */
  readonly firstBatch: Float32Array;
}

/** Index of the largest value in row `row` of a [rows, width] matrix (first one on ties). */
export function argmaxRow(values: Float32Array, row: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (values[row * width + j]! > values[row * width + best]!) best = j;
  return best;
}

/** Feeds images [count, ...imageShape] through a one-input, one-output executable, batch by batch. */
export async function runBatch(backend: Backend, exe: Executable, images: Float32Array, imageShape: readonly number[], start: number, size: number): Promise<Float32Array> {
  const per = imageShape.reduce((a, b) => a * b, 1);
  const value = { dtype: 'float32' as const, shape: [size, ...imageShape], data: images.subarray(start * per, (start + size) * per) };
  const input = backend.fromHost ? backend.fromHost(value) : Tensor.fromValue(value);
  const outputs = await exe.run({ [exe.inputs[0]!.name]: input });
  try {
    const out = outputs[exe.outputs[0]!]!;
    // Copy: the array may be the backend's own buffer, freed on dispose.
    return Float32Array.from(await out.data());
  } finally {
    for (const t of Object.values(outputs)) t.dispose();
    input.dispose();
  }
}

export async function classify(backend: Backend, exe: Executable, images: Float32Array, imageShape: readonly number[], count: number, batchSize: number): Promise<ClassifyResult> {
  const predictions = new Int32Array(count);
  const batchMs: number[] = [];
  let firstBatch: Float32Array = new Float32Array(0);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const began = performance.now();
    const probs = await runBatch(backend, exe, images, imageShape, start, size);
    batchMs.push(performance.now() - began);
    const classes = probs.length / size;
    for (let i = 0; i < size; i++) predictions[start + i] = argmaxRow(probs, i, classes);
    if (start === 0) firstBatch = probs;
  }
  return { predictions, batchMs, firstBatch };
}

/** Largest elementwise |a - b|; Infinity when lengths differ or exactly one side is NaN. */
export function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (Number.isNaN(x) !== Number.isNaN(y)) return Infinity;
      continue;
    }
    const d = Math.abs(x - y);
    if (d > max) max = d;
  }
  return max;
}
