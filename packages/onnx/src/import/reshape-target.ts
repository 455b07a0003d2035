import { CnnkitError, type Dim, type Shape, formatShape } from '@cnnkit/core';

/**
 * The static reshape attribute that turns a value of shape `input` into `target`, whose entries
 * may be run-time sizes: a symbolic dim that stays where it was becomes 0 (copy that dim), and at
 * most one other unknown entry becomes -1 (inferred). `x.view(x.size(0), -1)` traced with a
 * symbolic batch N gives target [N, -1] and so reshape [0, -1]; [N, 400] gives [0, 400].
 * Literal 0 and -1 in `target` keep their ONNX Reshape meaning (allowzero = 0).
 */
export function reshapeTarget(input: Shape, target: readonly Dim[], where: string): number[] {
  let inferred = target.indexOf(-1);
  const out = target.map((d, i) => {
    if (typeof d === 'number') {
      if (!Number.isInteger(d) || d < -1) throw new CnnkitError('INVALID_ARGUMENT', `${where}: target shape ${formatShape(target)} has the entry ${d}; expected sizes >= 0, or -1 once`);
      return d;
    }
    if (input[i] === d) return 0;
    if (inferred >= 0) {
      throw new CnnkitError('UNSUPPORTED_OP', `${where}: cannot express target shape ${formatShape(target)} of a value shaped ${formatShape(input)} as a static reshape: entries ${inferred} and ${i} are both unknown until run time; expected at most one unknown size besides dims kept in place`, { input, target });
    }
    inferred = i;
    return -1;
  });
  return out;
}

/** Whether a reshape to `target` (already static, 0 / -1 allowed) leaves `input` as it is. */
export function isIdentityReshape(input: Shape, target: readonly number[]): boolean {
  return target.length === input.length && target.every((d, i) => d === 0 || d === input[i]);
}
