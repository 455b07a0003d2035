import type { TensorType } from '@cnnkit/core';
import type { HostTensor } from './host-tensor';

/** What an ONNX value name stands for while a model is imported. */
export type Value = RuntimeValue | ConstantValue | PaddedValue | UnavailableValue;

/** A value of the core graph: a graph input or a node's output (or a materialised constant). */
export interface RuntimeValue {
  readonly kind: 'runtime';
  /** Its name in the core graph. */
  readonly name: string;
  readonly type: TensorType;
}

/** Known at import time: an initializer, a Constant, or a folded result. Becomes a core initializer only when a node reads it at run time. */
export interface ConstantValue {
  readonly kind: 'constant';
  readonly tensor: HostTensor;
  /** The ONNX name it was introduced under (initializers keep their names, e.g. 'conv1.weight'). */
  readonly origin?: string;
}

/**
 * A zero-valued constant Pad of a run-time value's spatial axes. cnnkit has no pad op: a Conv or
 * an AveragePool that counts padding takes the pads into its own; anything else reading it fails.
 */
export interface PaddedValue {
  readonly kind: 'padded';
  readonly source: RuntimeValue;
  /** ONNX-ordered spatial pads: all begins, then all ends. */
  readonly pads: readonly number[];
  /** The Pad node, for messages. */
  readonly by: string;
}

/** An output cnnkit cannot produce (MaxPool's Indices, Dropout's mask ...); reading it is an error that says why. */
export interface UnavailableValue {
  readonly kind: 'unavailable';
  readonly reason: string;
}

export function constant(tensor: HostTensor, origin?: string): ConstantValue {
  return origin === undefined ? { kind: 'constant', tensor } : { kind: 'constant', tensor, origin };
}
