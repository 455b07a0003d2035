import { formatShape } from '../tensor/shape';
import type { BatchNormAttrs } from './attributes';
import { checkKnownAttributes, numberAttr } from './attribute-checks';
import type { OpDef } from './op-def';
import { dimsCompatible, expectRank, shapeError } from './shape-checks';

/** Inference-mode batch normalisation over axis 1 with running statistics. */
export const batchNormOp: OpDef<'batchNorm'> = {
  type: 'batchNorm',
  summary: 'batch normalisation over channel axis 1: (x - mean) / sqrt(var + epsilon) * scale + bias',
  inputs: ['x', 'scale', 'bias', 'mean', 'var'].map((name) => ({ name, dtypes: ['float32'] as const })),
  outputs: ['y'],
  normalize(attrs, where): BatchNormAttrs {
    checkKnownAttributes(attrs, ['epsilon'], where);
    return { epsilon: numberAttr(attrs, 'epsilon', 1e-5, where, (v) => Number.isFinite(v) && v >= 0, 'a finite number >= 0') };
  },
  infer(inputs, _attrs, where) {
    const x = inputs[0]!;
    expectRank(x, 'x', [2, 3, 4, 5], where, 'N, C, ...');
    const names = ['scale', 'bias', 'mean', 'var'];
    inputs.slice(1).forEach((p, i) => {
      if (p.shape.length !== 1 || !dimsCompatible(p.shape[0]!, x.shape[1]!)) {
        throw shapeError(where, `input '${names[i]}' has shape ${formatShape(p.shape)}; expected [${x.shape[1]}] (the channels of x ${formatShape(x.shape)})`);
      }
    });
    return [{ dtype: 'float32', shape: x.shape }];
  },
};
