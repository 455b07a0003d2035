import type { NodeContext } from '../node-context';
import { kernelShape, readSpatialAttrs, spatialInput, spatialRank } from './spatial-attrs';

/** MaxPool -> maxPool1d / maxPool2d (storage_order 0; the Indices output cannot be read). */
export function convertMaxPool(n: NodeContext): void {
  n.attrs.expectOnly(['auto_pad', 'ceil_mode', 'dilations', 'kernel_shape', 'pads', 'storage_order', 'strides']);
  const storageOrder = n.attrs.int('storage_order', 0);
  if (storageOrder !== 0) throw n.unsupported(`attribute 'storage_order' is ${storageOrder}; expected 0 (row major; cnnkit's max pool has no Indices output)`);
  // Zero padding is not max pooling's -Infinity padding: a Pad before it cannot fold.
  const x = n.runtime(0);
  const spatial = spatialRank(n, x);
  const kernel = kernelShape(n);
  const { strides, dilations, pads } = readSpatialAttrs(n, x, kernel);
  const ceilMode = n.attrs.flag('ceil_mode', false);
  n.emit(spatial === 1 ? 'maxPool1d' : 'maxPool2d', [x], { kernelSize: kernel, strides, dilations, pads, ceilMode }, 0);
  n.refuseOutputs(1, 'cnnkit computes without its Indices output');
}

/**
 * AveragePool -> avgPool1d / avgPool2d. ONNX's count_include_pad defaults to 0, core's to true:
 * always passed. A zero Pad before it folds in when the pool's own pads are zero, as padding
 * that counts (the Pad's zeros are values to the pool).
 */
export function convertAveragePool(n: NodeContext): void {
  n.attrs.expectOnly(['auto_pad', 'ceil_mode', 'count_include_pad', 'dilations', 'kernel_shape', 'pads', 'strides']);
  let countIncludePad = n.attrs.flag('count_include_pad', false);
  const { x, extraPads } = spatialInput(n, true);
  const spatial = spatialRank(n, x);
  const kernel = kernelShape(n);
  if (extraPads && !countIncludePad) {
    const own = readSpatialAttrs(n, x, kernel);
    if (own.pads !== 'valid' && (own.pads === 'same' || own.pads.some((p) => p !== 0))) {
      throw n.unsupported(`its input is padded by a Pad node and it pads again without counting padding (count_include_pad 0); cnnkit cannot express both in one pool`);
    }
    countIncludePad = true;
  }
  const { strides, pads } = readSpatialAttrs(n, x, kernel, extraPads, false);
  const ceilMode = n.attrs.flag('ceil_mode', false);
  n.emit(spatial === 1 ? 'avgPool1d' : 'avgPool2d', [x], { kernelSize: kernel, strides, pads, ceilMode, countIncludePad }, 0);
}

export function convertGlobalAveragePool(n: NodeContext): void {
  n.attrs.expectOnly([]);
  n.emit('globalAvgPool', [n.runtime(0)], {}, 0);
}

export function convertGlobalMaxPool(n: NodeContext): void {
  n.attrs.expectOnly([]);
  n.emit('globalMaxPool', [n.runtime(0)], {}, 0);
}
