import type { GradFn } from '../gradient';
import { gatherBackward } from './backward-ops';

/** dy scattered back into zeros of data's shape, repeated indices adding up; indices (int32) get none. */
export const gatherGradient: GradFn<'gather'> = ([dy], { inputs: [data, indices], attrs }) => [
  data!.dtype === 'float32' ? gatherBackward(dy!, indices!, { axis: attrs.axis, dataShape: data!.shape }) : undefined,
  undefined,
];
