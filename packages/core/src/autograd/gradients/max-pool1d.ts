import type { GradFn } from '../gradient';
import { maxPool1dBackward } from './backward-ops';

/** Each dy goes to its window's maximum (the first one on ties, as PyTorch's index does). */
export const maxPool1dGradient: GradFn<'maxPool1d'> = ([dy], { inputs: [x], attrs }) => [maxPool1dBackward(x!, dy!, attrs)];
