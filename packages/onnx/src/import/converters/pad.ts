import type { NodeContext } from '../node-context';

/**
 * Pad: cnnkit has no pad op. All-zero pads are the identity. Zero-valued constant padding of
 * the spatial axes of an N, C, ... value becomes a pending 'padded' value that a following Conv
 * (or an AveragePool counting padding) takes into its own pads; anything else reading it fails.
 * pads / constant_value / axes come from attributes (opset < 11) or constant inputs.
 */
export function convertPad(n: NodeContext): void {
  n.attrs.expectOnly(['mode', 'pads', 'value']);
  const mode = n.attrs.string('mode', 'constant');
  const legacy = n.opset < 11;
  const raw = legacy ? n.attrs.ints('pads', []) : n.ints(1, 'pads');
  const value = legacy ? n.attrs.float('value', 0) : n.has(2) ? Number(n.constant(2, 'constant_value').data[0] ?? 0) : 0;
  const x = n.runtime(0);
  const rank = x.type.shape.length;
  const axes = !legacy && n.has(3) ? n.ints(3, 'axes').map((a) => (a < 0 ? a + rank : a)) : Array.from({ length: rank }, (_, i) => i);
  if (raw.length !== 2 * axes.length) throw n.error('INVALID_ARGUMENT', `pads [${raw.join(', ')}] have ${raw.length} entries; expected ${2 * axes.length} (begins then ends for ${axes.length} axes)`);
  const begins = new Array<number>(rank).fill(0);
  const ends = new Array<number>(rank).fill(0);
  axes.forEach((a, i) => { begins[a] = raw[i]!; ends[a] = raw[i + axes.length]!; });
  if ([...begins, ...ends].every((p) => p === 0)) {
    n.define(0, x);
    return;
  }
  const why = (what: string): Error => n.unsupported(`${what}; cnnkit has no pad op, and only zero-valued constant padding of the spatial axes folds into a following Conv or AveragePool`);
  if (mode !== 'constant') throw why(`mode is '${mode}'`);
  if (value !== 0) throw why(`pads with the value ${value}`);
  if (rank !== 3 && rank !== 4) throw why(`input has rank ${rank}`);
  if ([...begins, ...ends].some((p) => p < 0)) throw why(`pads [${raw.join(', ')}] crop (negative entries)`);
  if (begins[0] !== 0 || begins[1] !== 0 || ends[0] !== 0 || ends[1] !== 0) throw why(`pads [${raw.join(', ')}] pad the batch or channel axis`);
  n.define(0, { kind: 'padded', source: x, pads: [...begins.slice(2), ...ends.slice(2)], by: n.node.name || n.opType });
}
