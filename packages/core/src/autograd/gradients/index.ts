import type { GradientTable } from '../gradient';

/** One gradient per op, one op per file (gradients/<op>.ts). */
export const GRADIENTS: GradientTable = {};
