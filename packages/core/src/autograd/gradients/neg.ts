import { neg } from '../../eager/functional';
import type { GradFn } from '../gradient';

export const negGradient: GradFn<'neg'> = ([dy]) => [neg(dy!)];
