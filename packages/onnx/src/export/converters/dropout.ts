import type { NormalizedNode } from '@cnnkit/core';
import { attr } from '../../proto/builders';
import { DATA_TYPE } from '../../proto/enums';
import type { ExportContext } from '../context';

/**
 * Inference dropout is the identity → Identity. A training-mode dropout (a graph built to draw
 * masks) → Dropout(x, ratio, training_mode = true) with its seed: the same distribution, not the
 * same mask, since ONNX leaves the generator to the runtime.
 */
export function convertDropout(node: NormalizedNode<'dropout'>, ctx: ExportContext): void {
  if (!node.attrs.training) {
    ctx.emit('Identity', node.inputs, node.outputs);
    return;
  }
  const ratio = ctx.scalar('ratio', DATA_TYPE.FLOAT, node.attrs.ratio);
  const training = ctx.scalar('training_mode', DATA_TYPE.BOOL, 1);
  ctx.emit('Dropout', [node.inputs[0]!, ratio, training], node.outputs, [attr.int('seed', node.attrs.seed)]);
}
