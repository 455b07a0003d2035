import { type Padding, type Shape, resolvePads } from '@cnnkit/core';
import type { NodeContext } from '../node-context';
import type { RuntimeValue } from '../values';

/** The spatial attributes Conv and the pools share, read and checked against the input's rank. */
export interface SpatialAttrs {
  readonly spatial: 1 | 2;
  readonly strides: number[];
  readonly dilations: number[];
  readonly pads: Padding;
}

/** Conv / pool input 0, unwrapping a zero-valued Pad the op can take into its own pads. */
export function spatialInput(n: NodeContext, acceptPad: boolean): { x: RuntimeValue; extraPads?: readonly number[] } {
  const v = n.value(0);
  if (v.kind === 'padded' && acceptPad) return { x: v.source, extraPads: v.pads };
  return { x: n.runtime(0) };
}

export function spatialRank(n: NodeContext, x: RuntimeValue): 1 | 2 {
  const spatial = x.type.shape.length - 2;
  if (spatial !== 1 && spatial !== 2) {
    throw n.unsupported(`input 0 has shape [${x.type.shape.join(', ')}] (${spatial} spatial axes); cnnkit has 1-D and 2-D ${n.opType} only (N, C, L or N, C, H, W)`);
  }
  return spatial;
}

function listAttr(n: NodeContext, name: string, spatial: number, fallback: number): number[] {
  const v = n.attrs.ints(name, new Array<number>(spatial).fill(fallback));
  if (v.length !== spatial) throw n.error('INVALID_ATTRIBUTE', `attribute '${name}' is [${v.join(', ')}]; expected ${spatial} values (one per spatial axis)`);
  return v;
}

function staticSpatial(n: NodeContext, shape: Shape, why: string): number[] {
  const dims = shape.slice(2);
  if (!dims.every((d): d is number => typeof d === 'number')) {
    throw n.unsupported(`input 0 has shape [${shape.join(', ')}] with run-time spatial sizes; ${why} needs them known when importing`);
  }
  return dims;
}

/**
 * Padding from auto_pad and pads. SAME_UPPER and VALID map to core's 'same' / 'valid'; SAME_LOWER
 * (the odd unit at the beginning) becomes explicit pads, which needs static spatial sizes. When a
 * Pad node was folded in (`extraPads`), everything is made explicit and the two are added.
 */
export function readSpatialAttrs(n: NodeContext, x: RuntimeValue, kernel: readonly number[], extraPads?: readonly number[], dilationsAllowed = true): SpatialAttrs {
  const spatial = spatialRank(n, x);
  const strides = listAttr(n, 'strides', spatial, 1);
  const dilations = listAttr(n, 'dilations', spatial, 1);
  if (!dilationsAllowed && dilations.some((d) => d !== 1)) throw n.unsupported(`attribute 'dilations' is [${dilations.join(', ')}]; cnnkit's ${n.opType} has no dilation (expected all 1)`);
  if (kernel.length !== spatial) throw n.error('INVALID_ATTRIBUTE', `kernel is [${kernel.join(', ')}]; expected ${spatial} sizes`);
  const autoPad = n.attrs.string('auto_pad', 'NOTSET');
  let pads: Padding;
  if (autoPad === 'NOTSET') {
    pads = listAttr(n, 'pads', 2 * spatial, 0);
    if (pads.some((p) => p < 0)) throw n.unsupported(`attribute 'pads' [${pads.join(', ')}] has negative entries (cropping); expected pads >= 0`);
  } else if (autoPad === 'VALID') {
    pads = 'valid';
  } else if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    if (n.attrs.has('pads')) throw n.error('INVALID_ATTRIBUTE', `sets both auto_pad ${autoPad} and pads; expected one of them`);
    pads = 'same';
    if (autoPad === 'SAME_LOWER' || extraPads) {
      const inSize = staticSpatial(n, x.type.shape, `auto_pad ${autoPad}${extraPads ? ' after a Pad' : ''}`).map((d, i) => d + (extraPads ? extraPads[i]! + extraPads[i + spatial]! : 0));
      const upper = resolvePads('same', inSize, kernel, strides, dilations);
      // SAME_LOWER puts the odd unit first: swap each axis's begin and end.
      pads = autoPad === 'SAME_LOWER' ? [...upper.slice(spatial), ...upper.slice(0, spatial)] : upper;
    }
  } else {
    throw n.error('INVALID_ATTRIBUTE', `attribute 'auto_pad' is '${autoPad}'; expected NOTSET, SAME_UPPER, SAME_LOWER or VALID`);
  }
  if (extraPads) {
    const base = pads === 'valid' ? new Array<number>(2 * spatial).fill(0) : (pads as number[]);
    pads = base.map((p, i) => p + extraPads[i]!);
  }
  return { spatial, strides, dilations, pads };
}

/** kernel_shape when given (checked against the weight), else the weight's spatial dims. */
export function kernelShape(n: NodeContext, fromWeight?: readonly number[]): number[] {
  const attr = n.attrs.ints('kernel_shape');
  if (attr && fromWeight && (attr.length !== fromWeight.length || attr.some((k, i) => k !== fromWeight[i]))) {
    throw n.error('SHAPE_MISMATCH', `attribute 'kernel_shape' [${attr.join(', ')}] disagrees with the weight's spatial dims [${fromWeight.join(', ')}]`);
  }
  const k = attr ?? (fromWeight && [...fromWeight]);
  if (!k) throw n.error('INVALID_ATTRIBUTE', `has no attribute 'kernel_shape'; expected the window size`);
  if (k.some((d) => !(d >= 1))) throw n.error('INVALID_ATTRIBUTE', `attribute 'kernel_shape' [${k.join(', ')}] has sizes < 1`);
  return k;
}
