import type { Graph, TensorValue } from '@cnnkit/core';
import { type ConformanceCase, type GoldenFile, DEFAULT_TOLERANCE, goldenCases, opCase, t } from '../../case';
import golden from '../golden/dropout.json';

/*
 * Training-mode dropout draws its mask from the backend's own generator, so no two frameworks
 * agree on which values drop. The training cases therefore check properties through the case's
 * `check` hook: each output value is either 0 or x / (1 - ratio), the fraction of zeros is within
 * 5 sigma of `ratio`, and the same seed gives the same mask while another seed does not.
 */

const N = 10_000;
/** Never 0, so a 0 in the output can only be a dropped value. */
const x: TensorValue = { dtype: 'float32', shape: [N], data: Float32Array.from({ length: N }, (_, i) => 0.5 + (i % 7) * 0.25) };

/** Classifies every output value as dropped or kept-and-scaled; returns a failure message or the dropped mask. */
function readMask(name: string, y: TensorValue | undefined, ratio: number): string | Uint8Array {
  if (!y) return `output '${name}' is missing`;
  if (y.dtype !== 'float32' || y.data.length !== N) return `output '${name}' is ${y.dtype} with ${y.data.length} values; expected float32 with ${N}`;
  const scale = 1 / (1 - ratio);
  const dropped = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const v = y.data[i]!;
    if (v === 0) {
      dropped[i] = 1;
      continue;
    }
    const want = x.data[i]! * scale;
    // The survivor's scale may be rounded once more or less than ours: allow float32 rounding.
    if (Math.abs(v - want) > DEFAULT_TOLERANCE.rtol * Math.abs(want)) {
      return `output '${name}' value ${i} is ${v}; expected 0 (dropped) or x / (1 - ${ratio}) = ${want}`;
    }
  }
  return dropped;
}

function checkFraction(name: string, dropped: Uint8Array, ratio: number): string | undefined {
  let zeros = 0;
  for (const d of dropped) zeros += d;
  // Zeros ~ Binomial(N, ratio).
  const sigma = Math.sqrt(N * ratio * (1 - ratio));
  if (Math.abs(zeros - N * ratio) > 5 * sigma) {
    return `output '${name}' dropped ${zeros} of ${N} values; expected about ${N * ratio} (ratio ${ratio}, within 5 sigma = ${(5 * sigma).toFixed(0)})`;
  }
  return undefined;
}

function trainingCase(ratio: number, seed: number): ConformanceCase {
  return opCase({
    id: `dropout/hand/training-ratio-${ratio}`,
    op: 'dropout',
    description: `training with ratio ${ratio} on ${N} values: about ${ratio * 100}% zeros, survivors scaled by 1 / (1 - ${ratio})`,
    attrs: { ratio, training: true, seed },
    inputs: [x],
    expected: x, // shape only: `check` decides
    check: (outputs) => {
      const mask = readMask('y', outputs.y, ratio);
      return typeof mask === 'string' ? mask : checkFraction('y', mask, ratio);
    },
  });
}

/** Three dropout nodes on one input: two share seed 7, one has seed 8. */
function seedCase(): ConformanceCase {
  const ratio = 0.5;
  const node = (name: string, seed: number) => ({ name, op: 'dropout' as const, inputs: ['x'], outputs: [name.replace('drop', 'y')], attrs: { ratio, training: true, seed } });
  const graph: Graph = {
    name: 'dropout/hand/seeded-masks',
    inputs: [{ name: 'x', dtype: 'float32', shape: [N] }],
    outputs: ['y_a', 'y_b', 'y_c'],
    initializers: {},
    nodes: [node('drop_a', 7), node('drop_b', 7), node('drop_c', 8)],
  };
  return {
    id: 'dropout/hand/seeded-masks',
    op: 'dropout',
    level: 'op',
    source: 'hand',
    description: 'the same seed gives the same mask; another seed gives a different one (about half the positions differ)',
    graph,
    inputs: { x },
    expected: { y_a: x, y_b: x, y_c: x }, // shapes only: `check` decides
    tolerance: DEFAULT_TOLERANCE,
    check: (outputs) => {
      const masks: Uint8Array[] = [];
      for (const name of ['y_a', 'y_b', 'y_c']) {
        const mask = readMask(name, outputs[name], ratio);
        if (typeof mask === 'string') return mask;
        masks.push(mask);
      }
      const [a, b, c] = masks as [Uint8Array, Uint8Array, Uint8Array];
      let sameSeedDiffers = 0;
      let otherSeedDiffers = 0;
      for (let i = 0; i < N; i++) {
        if (a[i] !== b[i]) sameSeedDiffers++;
        if (a[i] !== c[i]) otherSeedDiffers++;
      }
      if (sameSeedDiffers > 0) return `seed 7 twice gave masks that differ at ${sameSeedDiffers} of ${N} positions; expected identical masks`;
      // Independent masks of ratio 0.5 differ at N / 2 +- 50 positions; 5 sigma is 250.
      if (Math.abs(otherSeedDiffers - N / 2) > 250) return `seeds 7 and 8 gave masks differing at ${otherSeedDiffers} of ${N} positions; expected about ${N / 2} (independent masks)`;
      return undefined;
    },
  };
}

export const dropoutCases: ConformanceCase[] = [
  opCase({
    id: 'dropout/hand/inference-identity',
    op: 'dropout',
    description: 'training false (the default) with ratio 0.5: y = x, no scaling',
    attrs: { ratio: 0.5 },
    inputs: [t([1, -2, 3.5, 0, -0.25, 6], [2, 3])],
    expected: t([1, -2, 3.5, 0, -0.25, 6], [2, 3]),
  }),
  opCase({
    id: 'dropout/hand/training-ratio-0',
    op: 'dropout',
    description: 'training with ratio 0: nothing drops and 1 / (1 - 0) = 1, so y = x',
    attrs: { ratio: 0, training: true, seed: 3 },
    inputs: [t([1, -2, 3.5, 0, -0.25, 6], [2, 3])],
    expected: t([1, -2, 3.5, 0, -0.25, 6], [2, 3]),
  }),
  trainingCase(0.5, 42),
  trainingCase(0.2, 1),
  seedCase(),
  ...goldenCases(golden as GoldenFile),
];
