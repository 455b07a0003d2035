import type { NodeContext } from '../node-context';

/** BatchNormalization in its inference form -> batchNorm (momentum only matters in training). */
export function convertBatchNormalization(n: NodeContext): void {
  n.attrs.expectOnly(['epsilon', 'momentum', 'spatial', 'training_mode', 'is_test', 'consumed_inputs']);
  if (n.attrs.int('training_mode', 0) !== 0) {
    throw n.unsupported(`attribute 'training_mode' is 1 (batch statistics, updated running stats); cnnkit imports inference graphs: expected 0 (export the model in eval mode)`);
  }
  if (n.attrs.int('spatial', 1) !== 1) {
    throw n.unsupported(`attribute 'spatial' is 0 (statistics per activation, not per channel); expected 1`);
  }
  const epsilon = n.attrs.float('epsilon', 1e-5);
  const inputs = [0, 1, 2, 3, 4].map((i) => n.runtime(i));
  n.emit('batchNorm', inputs, { epsilon }, 0);
  n.refuseOutputs(1, 'is imported in inference form, without the training outputs (running / saved statistics)');
}
