import { broadcastShapes, formatShape } from '../tensor/shape';
import { noAttrs } from './attribute-checks';
import type { OpDef } from './op-def';
import { dimsCompatible, expectRank, shapeError } from './shape-checks';

/** Matrix product over the last two axes, leading axes broadcast (NumPy matmul, rank >= 2). */
export const matmulOp: OpDef<'matmul'> = {
  type: 'matmul',
  summary: 'matrix product a @ b over the last two axes; leading (batch) axes broadcast',
  inputs: [{ name: 'a', dtypes: ['float32'] }, { name: 'b', dtypes: ['float32'] }],
  outputs: ['y'],
  normalize: noAttrs,
  infer([a, b], _attrs, where) {
    if (a!.shape.length < 2 || b!.shape.length < 2) {
      throw shapeError(where, `inputs have shapes ${formatShape(a!.shape)} and ${formatShape(b!.shape)}; expected rank >= 2 for both`);
    }
    const k1 = a!.shape[a!.shape.length - 1]!;
    const k2 = b!.shape[b!.shape.length - 2]!;
    if (!dimsCompatible(k1, k2)) {
      throw shapeError(where, `a ${formatShape(a!.shape)} has ${k1} columns but b ${formatShape(b!.shape)} has ${k2} rows; expected them equal`);
    }
    const batch = broadcastShapes(a!.shape.slice(0, -2), b!.shape.slice(0, -2), where);
    return [{ dtype: 'float32', shape: [...batch, a!.shape[a!.shape.length - 2]!, b!.shape[b!.shape.length - 1]!] }];
  },
};

/** PyTorch's nn.Linear: y = x @ weight^T + bias with weight [out, in]. */
export const linearOp: OpDef<'linear'> = {
  type: 'linear',
  summary: 'fully connected layer y = x @ weight^T + bias, weight [out, in] (PyTorch layout)',
  inputs: [
    { name: 'x', dtypes: ['float32'] },
    { name: 'weight', dtypes: ['float32'] },
    { name: 'bias', dtypes: ['float32'], optional: true },
  ],
  outputs: ['y'],
  normalize: noAttrs,
  infer([x, w, b], _attrs, where) {
    if (x!.shape.length < 1) throw shapeError(where, `input 'x' is a scalar; expected [..., in_features]`);
    expectRank(w!, 'weight', 2, where, 'out_features, in_features');
    const inX = x!.shape[x!.shape.length - 1]!;
    if (!dimsCompatible(inX, w!.shape[1]!)) {
      throw shapeError(where, `x ${formatShape(x!.shape)} has ${inX} features but weight ${formatShape(w!.shape)} expects ${w!.shape[1]}; expected x.shape[-1] = ${w!.shape[1]}`, { x: x!.shape, weight: w!.shape });
    }
    if (b && (b.shape.length !== 1 || !dimsCompatible(b.shape[0]!, w!.shape[0]!))) {
      throw shapeError(where, `bias has shape ${formatShape(b.shape)}; expected [${w!.shape[0]}]`);
    }
    return [{ dtype: 'float32', shape: [...x!.shape.slice(0, -1), w!.shape[0]!] }];
  },
};
