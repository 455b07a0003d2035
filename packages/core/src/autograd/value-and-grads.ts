import { engine, type OpRecord } from '../eager/engine';
import { add, ones } from '../eager/functional';
import { CnnkitError } from '../errors';
import type { OpType } from '../ops/attributes';
import { formatShape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import type { GradFn } from './gradient';
import { GRADIENTS } from './gradients';

export interface ValueAndGrads {
  readonly value: Tensor;
  /** One per requested tensor, in order; undefined where the value does not depend on it. */
  readonly grads: readonly (Tensor | undefined)[];
}

/**
 * Reverse-mode autodiff over one call of f: records the ops f runs on tensors derived from xs,
 * then walks them backwards with each op's gradient. f must return a scalar-sized tensor (its
 * upstream gradient is 1). Intermediates are freed; value and grads belong to the caller.
 */
export function valueAndGrads(f: () => Tensor, xs: readonly Tensor[]): ValueAndGrads {
  return engine.tidy(() => {
    const records: OpRecord[] = [];
    const reached = new Set<Tensor>(xs);
    const stop = engine.addRecorder((r) => {
      if (r.inputs.some((t) => reached.has(t))) {
        records.push(r);
        for (const o of r.outputs) reached.add(o);
      }
    });
    let value: Tensor;
    try {
      value = f();
    } finally {
      stop();
    }
    if (value.size !== 1) {
      throw new CnnkitError('SHAPE_MISMATCH', `valueAndGrads: f returned shape ${formatShape(value.shape)}; expected a single value (a loss)`);
    }
    const grads = new Map<Tensor, Tensor>();
    grads.set(value, ones(value.shape));
    const accumulate = (t: Tensor, g: Tensor): void => {
      const prev = grads.get(t);
      grads.set(t, prev ? add(prev, g) : g);
    };
    engine.noGrad(() => {
      for (let i = records.length - 1; i >= 0; i--) {
        const r = records[i]!;
        const dys = r.outputs.map((o) => grads.get(o));
        if (dys.every((d) => d === undefined)) continue;
        const grad = GRADIENTS[r.op] as GradFn<OpType> | undefined;
        if (!grad) throw new CnnkitError('UNSUPPORTED_OP', `${r.op}: no gradient is defined for this op, so it cannot be trained through`, { op: r.op });
        const dxs = grad(dys, { inputs: r.inputs, outputs: r.outputs, attrs: r.attrs, needsGrad: r.inputs.map((t) => reached.has(t)) });
        r.inputs.forEach((input, k) => {
          const dx = dxs[k];
          if (!dx || !reached.has(input)) return;
          if (dx.size !== input.size || dx.rank !== input.rank) {
            throw new CnnkitError('BACKEND_INVALID', `${r.op} gradient: input ${k} has shape ${formatShape(input.shape)} but its gradient has ${formatShape(dx.shape)}`);
          }
          accumulate(input, dx);
        });
      }
    });
    return { value, grads: xs.map((x) => grads.get(x)) };
  });
}
