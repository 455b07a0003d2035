import type { NodeContext } from '../node-context';

/** Identity: the output is the input (no core node). */
export function convertIdentity(n: NodeContext): void {
  n.attrs.expectOnly([]);
  n.define(0, n.value(0));
}

/**
 * Dropout in inference is the identity: rewired. A training_mode input must be a constant false
 * (opset 12+); the mask output cannot be read.
 */
export function convertDropout(n: NodeContext): void {
  n.attrs.expectOnly(['ratio', 'seed', 'is_test', 'consumed_inputs']);
  if (n.attrs.int('is_test', 1) === 0) throw n.unsupported(`attribute 'is_test' is 0 (training); cnnkit imports inference graphs`);
  if (n.has(2)) {
    const training = n.constant(2, 'training_mode');
    if (training.data.some((v) => v !== 0)) throw n.unsupported(`input 2 (training_mode) is true; cnnkit imports inference graphs: expected false (export the model in eval mode)`);
  }
  n.define(0, n.value(0));
  n.refuseOutputs(1, 'is imported as the identity (inference), without its mask');
}
