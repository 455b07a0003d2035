import { dropout } from '../../eager/functional';
import type { GradFn } from '../gradient';

/**
 * Dropout is x * mask / (1 - ratio) with a mask drawn from the seed alone (one draw per element,
 * so the same seed and shape give the same mask): dropout(dy) with the same attributes is
 * exactly dy * mask / (1 - ratio). In inference it is the identity, and so is its gradient.
 */
export const dropoutGradient: GradFn<'dropout'> = ([dy], { attrs }) => [attrs.training ? dropout(dy!, attrs) : dy!];
