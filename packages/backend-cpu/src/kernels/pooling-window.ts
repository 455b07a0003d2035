import { type Padding, type StaticShape, type Tensor, CnnkitError, formatShape, poolOutputSize, resolvePads } from '@cnnkit/core';

/** What a max or average pool says about its window (average pools have no dilation). */
export interface WindowAttrs {
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly pads: Padding;
  readonly ceilMode: boolean;
  readonly dilations?: readonly number[];
}

/**
 * The geometry of a 1-D or 2-D pool, always as 2-D: a 1-D pool is a pool over H = 1 with a
 * 1×k window, so one loop nest serves both.
 */
export interface PoolWindow {
  /** N·C: pools never mix planes. */
  readonly planes: number;
  readonly inH: number;
  readonly inW: number;
  readonly outH: number;
  readonly outW: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly padBottom: number;
  readonly padRight: number;
  /** The output tensor's shape: [N, C, L] or [N, C, H, W]. */
  readonly outShape: readonly number[];
}

/**
 * Resolves pads and output sizes with core's rules (the same ones shape inference uses), so a
 * kernel can never disagree with the shape the graph promised.
 */
export function poolWindow(op: string, x: Tensor, attrs: WindowAttrs, spatial: 1 | 2): PoolWindow {
  return poolWindowOfShape(op, x.shape, attrs, spatial);
}

/** poolWindow for an input known only by its shape (an average pool's gradient has no x). */
export function poolWindowOfShape(op: string, shape: StaticShape, attrs: WindowAttrs, spatial: 1 | 2): PoolWindow {
  if (shape.length !== spatial + 2) {
    throw new CnnkitError('SHAPE_MISMATCH', `${op}: input x has shape ${formatShape(shape)} (rank ${shape.length}); expected rank ${spatial + 2} (${spatial === 1 ? 'N, C, L' : 'N, C, H, W'})`, { op, shape });
  }
  const inSize = shape.slice(2);
  const dilations = attrs.dilations ?? new Array<number>(spatial).fill(1);
  const pads = resolvePads(attrs.pads, inSize, attrs.kernelSize, attrs.strides, dilations);
  const outSize = inSize.map((n, i) => {
    const s = attrs.strides[i]!;
    const out = attrs.pads === 'same'
      ? Math.ceil(n / s)
      : poolOutputSize(n, attrs.kernelSize[i]!, s, dilations[i]!, pads[i]!, pads[i + spatial]!, attrs.ceilMode);
    if (out < 1) {
      throw new CnnkitError('SHAPE_MISMATCH', `${op}: spatial axis ${i} of x ${formatShape(shape)} is too small for kernel ${attrs.kernelSize[i]} (stride ${s}, dilation ${dilations[i]}, pads ${pads[i]}+${pads[i + spatial]}): output size would be ${out}; expected at least 1`, { op, axis: i, out });
    }
    return out;
  });
  // Axis index into the spatial lists for W, and for H when there is one.
  const w = spatial - 1;
  const two = spatial === 2;
  return {
    planes: shape[0]! * shape[1]!,
    inH: two ? inSize[0]! : 1,
    inW: inSize[w]!,
    outH: two ? outSize[0]! : 1,
    outW: outSize[w]!,
    kernelH: two ? attrs.kernelSize[0]! : 1,
    kernelW: attrs.kernelSize[w]!,
    strideH: two ? attrs.strides[0]! : 1,
    strideW: attrs.strides[w]!,
    dilationH: two ? dilations[0]! : 1,
    dilationW: dilations[w]!,
    padTop: two ? pads[0]! : 0,
    padLeft: pads[w]!,
    padBottom: two ? pads[2]! : 0,
    padRight: pads[w + spatial]!,
    outShape: [shape[0]!, shape[1]!, ...outSize],
  };
}

/**
 * Where every window of a plane reads, worked out once per call rather than per plane: window q
 * (row-major over the output plane) has rows[q] × cols[q] taps inside the input, the first at
 * offset first[q] of the input plane and the others every rowStep / colStep elements after it
 * (the dilations). Taps on padding are left out, as every pool wants: they never win a max and
 * add nothing to a sum (an average pool's divisor is its own business).
 */
export interface WindowTaps {
  readonly first: Int32Array;
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly rowStep: number;
  readonly colStep: number;
}

export function windowTaps(g: PoolWindow): WindowTaps {
  const h = axisTaps(g.outH, g.strideH, g.padTop, g.kernelH, g.dilationH, g.inH);
  const w = axisTaps(g.outW, g.strideW, g.padLeft, g.kernelW, g.dilationW, g.inW);
  const first = new Int32Array(g.outH * g.outW);
  const rows = new Int32Array(first.length);
  const cols = new Int32Array(first.length);
  for (let oh = 0, q = 0; oh < g.outH; oh++) {
    for (let ow = 0; ow < g.outW; ow++, q++) {
      first[q] = h.first[oh]! * g.inW + w.first[ow]!;
      rows[q] = h.count[oh]!;
      cols[q] = w.count[ow]!;
    }
  }
  return { first, rows, cols, rowStep: g.dilationH * g.inW, colStep: g.dilationW };
}

/** One axis: window o has count[o] taps inside the input, the first at input index first[o]. */
interface AxisTaps {
  readonly first: Int32Array;
  readonly count: Int32Array;
}

/** Window o starts (in padded coordinates) at input index o·stride − padBegin. */
function axisTaps(outSize: number, stride: number, padBegin: number, kernel: number, dilation: number, inSize: number): AxisTaps {
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  for (let o = 0; o < outSize; o++) {
    const start = o * stride - padBegin;
    const begin = firstTapInside(start, dilation);
    first[o] = start + begin * dilation;
    count[o] = Math.max(endTapInside(start, kernel, dilation, inSize) - begin, 0);
  }
  return { first, count };
}

/** The first tap k (of a window starting at `start`, taps every `dilation`) that lands at index >= 0. */
function firstTapInside(start: number, dilation: number): number {
  return start >= 0 ? 0 : Math.ceil(-start / dilation);
}

/** One past the last tap k < kernel that lands at an index < size. */
function endTapInside(start: number, kernel: number, dilation: number, size: number): number {
  if (start >= size) return 0;
  return Math.min(kernel, Math.floor((size - 1 - start) / dilation) + 1);
}
