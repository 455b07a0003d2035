import { normalizeAxis } from '@cnnkit/core';
import { hostSlice } from '../host-ops';
import type { NodeContext } from '../node-context';

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** Bounds past int32 (INT64_MAX for "to the end") clamp: every real size fits in int32, so nothing changes. */
const clampBound = (v: number): number => Math.min(Math.max(v, INT32_MIN), INT32_MAX);

/**
 * Slice with unit steps: starts / ends / axes from attributes (opset < 10) or constant inputs.
 * Constants (shape vectors) slice on the host; a run-time value gets core's slice, leaving out
 * axes the slice keeps whole (so a symbolic batch sliced [0:INT64_MAX] is no problem).
 */
export function convertSlice(n: NodeContext): void {
  n.attrs.expectOnly(['starts', 'ends', 'axes']);
  const fromInputs = n.opset >= 10;
  const starts = (fromInputs ? n.ints(1, 'starts') : n.attrs.ints('starts', [])).map(clampBound);
  const ends = (fromInputs ? n.ints(2, 'ends') : n.attrs.ints('ends', [])).map(clampBound);
  if (starts.length !== ends.length) throw n.error('INVALID_ARGUMENT', `has ${starts.length} starts and ${ends.length} ends; expected as many of each`);
  const steps = fromInputs && n.has(4) ? n.ints(4, 'steps') : starts.map(() => 1);
  if (steps.some((s) => s !== 1)) throw n.unsupported(`steps are [${steps.join(', ')}]; cnnkit's slice takes steps of 1 only`);
  const rawAxes = fromInputs ? (n.has(3) ? n.ints(3, 'axes') : undefined) : n.attrs.ints('axes');
  const v = n.value(0);
  const shape = v.kind === 'constant' ? v.tensor.shape : n.runtime(0).type.shape;
  const axes = (rawAxes ?? starts.map((_, i) => i)).map((a) => normalizeAxis(a, shape.length, n.where));
  if (axes.length !== starts.length) throw n.error('INVALID_ARGUMENT', `has ${axes.length} axes for ${starts.length} starts; expected as many`);
  if (v.kind === 'constant') {
    n.defineConstant(0, hostSlice(v.tensor, starts, ends, axes));
    return;
  }
  const keep = axes.map((a, i) => !(typeof shape[a] === 'string' && (starts[i] === 0 || starts[i] === INT32_MIN) && ends[i] === INT32_MAX));
  const pick = <T>(xs: readonly T[]): T[] => xs.filter((_, i) => keep[i]);
  const x = n.runtime(0);
  if (!keep.some(Boolean)) n.define(0, x);
  else n.emit('slice', [x], { starts: pick(starts), ends: pick(ends), axes: pick(axes) }, 0);
}
