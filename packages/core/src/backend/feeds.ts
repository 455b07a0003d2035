import { CnnkitError } from '../errors';
import type { ValueInfo } from '../graph/graph';
import { formatShape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';

/**
 * Checks run-time feeds against a graph's declared inputs. Symbolic dimensions bind on first
 * sight, so two inputs that share 'N' must agree on it.
 */
export function checkFeeds(graphName: string, inputs: readonly ValueInfo[], feeds: Readonly<Record<string, Tensor>>): void {
  const bound = new Map<string, number>();
  for (const input of inputs) {
    const where = `graph '${graphName}' input '${input.name}'`;
    const t = feeds[input.name];
    if (!t) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where} was not fed; given ${Object.keys(feeds).map((k) => `'${k}'`).join(', ') || 'nothing'}; expected ${inputs.map((i) => `'${i.name}'`).join(', ')}`);
    }
    if (t.dtype !== input.dtype) {
      throw new CnnkitError('DTYPE_MISMATCH', `${where}: given ${t.dtype}; expected ${input.dtype}`);
    }
    const ok = t.shape.length === input.shape.length && input.shape.every((d, i) => {
      const given = t.shape[i]!;
      if (typeof d === 'number') return d === given;
      const b = bound.get(d);
      if (b === undefined) bound.set(d, given);
      return b === undefined || b === given;
    });
    if (!ok) {
      throw new CnnkitError('SHAPE_MISMATCH', `${where}: given shape ${formatShape(t.shape)}; expected ${formatShape(input.shape)}`, { given: t.shape, expected: input.shape });
    }
  }
  for (const name of Object.keys(feeds)) {
    if (!inputs.some((i) => i.name === name)) {
      throw new CnnkitError('INVALID_ARGUMENT', `graph '${graphName}' has no input '${name}'; expected ${inputs.map((i) => `'${i.name}'`).join(', ')}`);
    }
  }
}
