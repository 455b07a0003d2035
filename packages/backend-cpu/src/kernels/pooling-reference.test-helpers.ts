// Naive pooling written for the tests, independently of the kernels: it materialises the padded
// input and walks every tap of every window, so mistakes in the kernels' index arithmetic (tap
// ranges, clipping, divisors) cannot be shared with it.

export type Pads = readonly number[] | 'same' | 'valid';

export interface RefPool {
  readonly shape: readonly number[];
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly pads: Pads;
  readonly ceilMode: boolean;
}

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function explicitPads(p: RefPool): number[] {
  const n = p.shape.length - 2;
  if (p.pads === 'valid') return new Array<number>(2 * n).fill(0);
  if (p.pads !== 'same') return [...p.pads];
  const begins: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    const size = p.shape[i + 2]!;
    const span = (p.kernel[i]! - 1) * p.dilations[i]! + 1;
    const total = Math.max((Math.ceil(size / p.strides[i]!) - 1) * p.strides[i]! + span - size, 0);
    begins.push(Math.floor(total / 2));
    ends.push(total - Math.floor(total / 2));
  }
  return [...begins, ...ends];
}

/** Output sizes by PyTorch's pooling formula, written out longhand. */
export function refOutSize(p: RefPool): number[] {
  const n = p.shape.length - 2;
  const pads = explicitPads(p);
  return Array.from({ length: n }, (_, i) => {
    const size = p.shape[i + 2]!;
    if (p.pads === 'same') return Math.ceil(size / p.strides[i]!);
    const padded = size + pads[i]! + pads[i + n]!;
    const span = (p.kernel[i]! - 1) * p.dilations[i]! + 1;
    if (!p.ceilMode) return Math.floor((padded - span) / p.strides[i]!) + 1;
    let out = Math.ceil((padded - span) / p.strides[i]!) + 1;
    // The last window must start inside the input or its begin padding.
    if ((out - 1) * p.strides[i]! >= size + pads[i]!) out -= 1;
    return out;
  });
}

interface Tap {
  readonly value: number;
  readonly real: boolean;
}

/**
 * Calls `visit` with the taps of every window, in output order. 1-D inputs are treated as
 * their own case (no lifting to 2-D) so the reference stays independent of the kernels' trick.
 */
function forEachWindow(x: Float32Array, p: RefPool, visit: (taps: Tap[]) => number): Float32Array {
  const n = p.shape.length - 2;
  const pads = explicitPads(p);
  const out = refOutSize(p);
  const [batch, channels] = [p.shape[0]!, p.shape[1]!];
  const spatialIn = p.shape.slice(2);
  const padded = spatialIn.map((s, i) => s + pads[i]! + pads[i + n]!);
  const planeIn = spatialIn.reduce((a, b) => a * b, 1);
  const y = new Float32Array(batch * channels * out.reduce((a, b) => a * b, 1));
  // Padded plane: undefined marks padding.
  const paddedPlane = (plane: number): (number | undefined)[] => {
    const grid: (number | undefined)[] = new Array<number | undefined>(padded.reduce((a, b) => a * b, 1)).fill(undefined);
    for (let i = 0; i < planeIn; i++) {
      if (n === 1) grid[i + pads[0]!] = x[plane * planeIn + i]!;
      else {
        const h = Math.floor(i / spatialIn[1]!);
        const w = i % spatialIn[1]!;
        grid[(h + pads[0]!) * padded[1]! + w + pads[1]!] = x[plane * planeIn + i]!;
      }
    }
    return grid;
  };
  let yi = 0;
  for (let plane = 0; plane < batch * channels; plane++) {
    const grid = paddedPlane(plane);
    const tapAt = (coords: number[]): Tap | undefined => {
      // Taps past the padded extent (ceilMode's overhang) are not part of the window at all.
      if (coords.some((c, i) => c >= padded[i]!)) return undefined;
      const v = n === 1 ? grid[coords[0]!] : grid[coords[0]! * padded[1]! + coords[1]!];
      return v === undefined ? { value: 0, real: false } : { value: v, real: true };
    };
    if (n === 1) {
      for (let o = 0; o < out[0]!; o++) {
        const taps: Tap[] = [];
        for (let k = 0; k < p.kernel[0]!; k++) {
          const tap = tapAt([o * p.strides[0]! + k * p.dilations[0]!]);
          if (tap) taps.push(tap);
        }
        y[yi++] = visit(taps);
      }
    } else {
      for (let oh = 0; oh < out[0]!; oh++) {
        for (let ow = 0; ow < out[1]!; ow++) {
          const taps: Tap[] = [];
          for (let kh = 0; kh < p.kernel[0]!; kh++) {
            for (let kw = 0; kw < p.kernel[1]!; kw++) {
              const tap = tapAt([oh * p.strides[0]! + kh * p.dilations[0]!, ow * p.strides[1]! + kw * p.dilations[1]!]);
              if (tap) taps.push(tap);
            }
          }
          y[yi++] = visit(taps);
        }
      }
    }
  }
  return y;
}

/** Math.max returns NaN when any argument is NaN: PyTorch's max pooling rule. */
export function refMaxPool(x: Float32Array, p: RefPool): Float32Array {
  return forEachWindow(x, p, (taps) => Math.max(...taps.filter((t) => t.real).map((t) => t.value)));
}

/** countIncludePad divides by the taps inside the padded extent, otherwise by the real ones. */
export function refAvgPool(x: Float32Array, p: RefPool, countIncludePad: boolean): Float32Array {
  return forEachWindow(x, p, (taps) => {
    const sum = taps.reduce((a, t) => a + t.value, 0);
    return sum / (countIncludePad ? taps.length : taps.filter((t) => t.real).length);
  });
}

/** A random pooling configuration with each pad at most half the dilated window (core's limit). */
export function randomPool(rand: () => number, spatial: 1 | 2, withDilation: boolean): RefPool {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const kernel = Array.from({ length: spatial }, () => int(1, 4));
  const strides = Array.from({ length: spatial }, () => int(1, 3));
  const dilations = Array.from({ length: spatial }, () => (withDilation ? int(1, 3) : 1));
  const half = kernel.map((k, i) => Math.floor(((k - 1) * dilations[i]! + 1) / 2));
  const r = rand();
  const pads: Pads = r < 0.15 ? 'same' : r < 0.25 ? 'valid' : [...half.map((h) => int(0, h)), ...half.map((h) => int(0, h))];
  const shape = [int(1, 2), int(1, 3), ...Array.from({ length: spatial }, () => int(1, 9))];
  return { shape, kernel, strides, dilations, pads, ceilMode: rand() < 0.5 };
}

export function describePool(p: RefPool): string {
  return `shape [${p.shape.join(',')}] k [${p.kernel.join(',')}] s [${p.strides.join(',')}] d [${p.dilations.join(',')}] pads ${Array.isArray(p.pads) ? `[${p.pads.join(',')}]` : p.pads} ceil ${p.ceilMode}`;
}
