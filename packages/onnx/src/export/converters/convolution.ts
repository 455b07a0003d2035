import { CnnkitError, type NormalizedNode, resolvePads } from '@cnnkit/core';
import { attr } from '../../proto/builders';
import type { ExportContext } from '../context';

/**
 * conv1d / conv2d → Conv with explicit pads: validation needs static spatial sizes, so 'same' and
 * 'valid' are resolved here by core's resolvePads (the rule the kernels use) and auto_pad is
 * never needed. Circular padding would need Pad(mode 'wrap'), which arrives in opset 19.
 */
export function convertConv(node: NormalizedNode<'conv1d' | 'conv2d'>, ctx: ExportContext): void {
  const { attrs } = node;
  const spatial = node.op === 'conv1d' ? 1 : 2;
  const [x, w] = node.inputs as [string, string, string?];
  if (attrs.paddingMode === 'circular') {
    throw new CnnkitError('UNSUPPORTED_OP', `${ctx.where(node)}: paddingMode 'circular' needs ONNX Pad with mode 'wrap' (opset 19); exportOnnx writes opset 17; expected paddingMode 'zeros' (or pad the input circularly before the convolution)`, { node: node.name });
  }
  const inSize = Array.from({ length: spatial }, (_, i) => ctx.staticDim(x, i + 2));
  const kernel = Array.from({ length: spatial }, (_, i) => ctx.staticDim(w, i + 2));
  const pads = resolvePads(attrs.pads, inSize, kernel, attrs.strides, attrs.dilations);
  ctx.emit('Conv', node.inputs, node.outputs, [
    attr.ints('dilations', attrs.dilations),
    attr.int('group', attrs.groups),
    attr.ints('kernel_shape', kernel),
    attr.ints('pads', pads),
    attr.ints('strides', attrs.strides),
  ]);
}
