import type { GradFn } from '../gradient';
import { maxPool2dBackward } from './backward-ops';

/** Each dy goes to its window's maximum (the first one on ties, as PyTorch's index does). */
export const maxPool2dGradient: GradFn<'maxPool2d'> = ([dy], { inputs: [x], attrs }) => [maxPool2dBackward(x!, dy!, attrs)];
