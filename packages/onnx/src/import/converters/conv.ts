import type { NodeContext } from '../node-context';
import { kernelShape, readSpatialAttrs, spatialInput, spatialRank } from './spatial-attrs';

/** Conv (1-D and 2-D) -> conv1d / conv2d; a zero Pad feeding it folds into its pads. */
export function convertConv(n: NodeContext): void {
  n.attrs.expectOnly(['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides']);
  const { x, extraPads } = spatialInput(n, true);
  const spatial = spatialRank(n, x);
  const w = n.runtime(1);
  const wShape = w.type.shape;
  if (wShape.length !== spatial + 2 || !wShape.every((d): d is number => typeof d === 'number')) {
    throw n.error('SHAPE_MISMATCH', `weight has shape [${wShape.join(', ')}]; expected a static ${spatial + 2}-D weight (O, C/group, kernel...) for input [${x.type.shape.join(', ')}]`);
  }
  const kernel = kernelShape(n, wShape.slice(2) as number[]);
  const { strides, dilations, pads } = readSpatialAttrs(n, x, kernel, extraPads);
  const groups = n.attrs.int('group', 1);
  const inputs = n.has(2) ? [x, w, n.runtime(2)] : [x, w];
  n.emit(spatial === 1 ? 'conv1d' : 'conv2d', inputs, { strides, dilations, pads, groups }, 0);
}
