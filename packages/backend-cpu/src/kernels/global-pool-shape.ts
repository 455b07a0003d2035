import { type Tensor, CnnkitError, formatShape } from '@cnnkit/core';

export interface GlobalPoolShape {
  /** N·C. */
  readonly planes: number;
  /** Elements per plane: the product of the spatial dims. */
  readonly planeSize: number;
  /** [N, C, 1, ...]: spatial axes kept with size 1, as ONNX does. */
  readonly outShape: readonly number[];
}

export function globalPoolShape(op: string, x: Tensor): GlobalPoolShape {
  if (x.rank < 3 || x.rank > 5) {
    throw new CnnkitError('SHAPE_MISMATCH', `${op}: input x has shape ${formatShape(x.shape)} (rank ${x.rank}); expected rank 3, 4 or 5 (N, C, spatial...)`, { op, shape: x.shape });
  }
  const spatial = x.shape.slice(2);
  const planeSize = spatial.reduce((a, b) => a * b, 1);
  if (planeSize === 0) {
    throw new CnnkitError('SHAPE_MISMATCH', `${op}: input x has shape ${formatShape(x.shape)} with an empty spatial axis; expected every spatial dim >= 1`, { op, shape: x.shape });
  }
  return { planes: x.shape[0]! * x.shape[1]!, planeSize, outShape: [x.shape[0]!, x.shape[1]!, ...spatial.map(() => 1)] };
}
