import { transpose } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy permuted back by the inverse permutation: inverse[perm[i]] = i. */
export const transposeGradient: GradFn<'transpose'> = ([dy], { attrs }) => {
  const inverse = new Array<number>(attrs.perm.length);
  attrs.perm.forEach((p, i) => {
    inverse[p] = i;
  });
  return [transpose(dy!, inverse)];
};
