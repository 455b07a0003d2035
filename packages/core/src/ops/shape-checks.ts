import { CnnkitError } from '../errors';
import { type Dim, type Shape, formatShape } from '../tensor/shape';
import type { TensorType } from './op-def';

export function shapeError(where: string, message: string, details: Record<string, unknown> = {}): CnnkitError {
  return new CnnkitError('SHAPE_MISMATCH', `${where}: ${message}`, details);
}

export function expectRank(input: TensorType, name: string, rank: number | readonly number[], where: string, layout?: string): void {
  const ranks = typeof rank === 'number' ? [rank] : rank;
  if (!ranks.includes(input.shape.length)) {
    throw shapeError(where, `input '${name}' has shape ${formatShape(input.shape)} (rank ${input.shape.length}); expected rank ${ranks.join(' or ')}${layout ? ` (${layout})` : ''}`, { input: name, shape: input.shape });
  }
}

export function staticDim(shape: Shape, axis: number, name: string, where: string): number {
  const d = shape[axis];
  if (typeof d !== 'number') {
    throw shapeError(where, `input '${name}' has the symbolic dimension ${JSON.stringify(d)} at axis ${axis} in ${formatShape(shape)}; expected a known size there`, { input: name, shape });
  }
  return d;
}

export function dimsCompatible(a: Dim, b: Dim): boolean {
  return a === b || typeof a === 'string' || typeof b === 'string';
}
