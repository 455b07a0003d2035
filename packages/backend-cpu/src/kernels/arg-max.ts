import { type Kernel, CnnkitError, formatShape, normalizeAxis } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutput } from './infer-static-shape';
import { reductionView } from './reduce-axes';

/**
 * int32 index of the largest value along one axis, like torch.argmax: the first index wins a tie
 * (only a strictly larger value replaces the best), and NaN counts as larger than everything, so
 * the first NaN wins. Rows are scanned in order with one running best per inner position, which
 * reads memory contiguously whatever the axis.
 */
export const argMaxKernel: Kernel<'argMax'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('argMax', inputs, attrs);
  const axis = normalizeAxis(attrs.axis, x.rank, 'argMax');
  const { data, outer, reduced, inner } = reductionView(f32(x), x.shape, [axis], 'argMax');
  const out = new Int32Array(outer * inner);
  if (out.length === 0) return [cpuTensor(out, shape)];
  if (x.shape[axis] === 0) {
    throw new CnnkitError('INVALID_ARGUMENT', `argMax: axis ${axis} of x ${formatShape(x.shape)} is empty; expected at least one value to take the index of`);
  }
  const best = new Float32Array(inner);
  for (let o = 0; o < outer; o++) {
    const to = o * inner;
    const first = o * reduced * inner;
    for (let i = 0; i < inner; i++) best[i] = data[first + i]!;
    for (let r = 1; r < reduced; r++) {
      const at = (o * reduced + r) * inner;
      for (let i = 0; i < inner; i++) {
        const b = best[i]!;
        if (b !== b) continue;
        const v = data[at + i]!;
        if (v > b || v !== v) {
          best[i] = v;
          out[to + i] = r;
        }
      }
    }
  }
  return [cpuTensor(out, shape)];
};
