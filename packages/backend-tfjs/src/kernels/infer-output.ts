import { type DType, type OpAttrs, type OpType, type StaticShape, CnnkitError, formatShape, getOpDef, isStaticShape } from '@cnnkit/core';
import type * as tf from '@tensorflow/tfjs-core';

export interface OutputType {
  readonly dtype: DType;
  readonly shape: StaticShape;
}

/** What inference needs of an input: a tf.Tensor, or the NCHW view of an NHWC-resident one. */
export interface TypedShape {
  readonly dtype: tf.DataType;
  readonly shape: readonly number[];
}

/**
 * The output types of an op as core's shape inference states them, so a kernel never disagrees
 * with the graph validator, and a kernel called eagerly rejects bad input with core's messages.
 */
export function inferOutputs<K extends OpType>(op: K, inputs: readonly TypedShape[], attrs: OpAttrs<K>): OutputType[] {
  const def = getOpDef(op);
  const required = def.inputs.filter((spec) => !spec.optional).length;
  const max = def.inputs[def.inputs.length - 1]?.variadic ? Infinity : def.inputs.length;
  if (inputs.length < required || inputs.length > max) {
    const names = def.inputs.map((spec) => (spec.optional ? `${spec.name}?` : spec.variadic ? `${spec.name}...` : spec.name)).join(', ');
    throw new CnnkitError('INVALID_ARGUMENT', `${op}: given ${inputs.length} inputs; expected (${names})`);
  }
  const types = def.infer(inputs.map((t) => ({ dtype: t.dtype as DType, shape: t.shape })), attrs, op);
  return types.map((type) => {
    if (!isStaticShape(type.shape)) {
      throw new CnnkitError('BACKEND_INVALID', `${op}: shape inference gave the symbolic shape ${formatShape(type.shape)} for concrete inputs; expected numbers`);
    }
    return { dtype: type.dtype, shape: type.shape };
  });
}

export function inferOutput<K extends OpType>(op: K, inputs: readonly TypedShape[], attrs: OpAttrs<K>): OutputType {
  return inferOutputs(op, inputs, attrs)[0]!;
}

/** A mutable copy of a static shape, the form tfjs's shape arguments take. */
export function dims(shape: StaticShape): number[] {
  return [...shape];
}
