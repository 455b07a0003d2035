import { type DType, type OpAttrs, type OpType, type StaticShape, type Tensor, CnnkitError, formatShape, getOpDef, isStaticShape } from '@cnnkit/core';

export interface StaticTensorType {
  readonly dtype: DType;
  readonly shape: StaticShape;
}

/**
 * The output types of an op as core's shape inference states them, so a kernel can never
 * disagree with the graph validator. Running it also re-checks shapes and attributes when a
 * kernel is called eagerly, outside a validated graph. Kernels see concrete tensors, so every
 * inferred dimension is a number.
 */
export function inferOutputs<K extends OpType>(op: K, inputs: readonly Tensor[], attrs: OpAttrs<K>): StaticTensorType[] {
  const def = getOpDef(op);
  const required = def.inputs.filter((spec) => !spec.optional).length;
  const max = def.inputs[def.inputs.length - 1]?.variadic ? Infinity : def.inputs.length;
  if (inputs.length < required || inputs.length > max) {
    const names = def.inputs.map((spec) => (spec.optional ? `${spec.name}?` : spec.variadic ? `${spec.name}...` : spec.name)).join(', ');
    throw new CnnkitError('INVALID_ARGUMENT', `${op}: given ${inputs.length} inputs; expected (${names})`);
  }
  const types = def.infer(inputs.map((t) => ({ dtype: t.dtype, shape: t.shape })), attrs, op);
  return types.map((type) => {
    if (!isStaticShape(type.shape)) {
      throw new CnnkitError('BACKEND_INVALID', `${op}: shape inference gave the symbolic shape ${formatShape(type.shape)} for concrete inputs; expected numbers`);
    }
    return { dtype: type.dtype, shape: type.shape };
  });
}

/** The single output type of a one-output op. */
export function inferOutput<K extends OpType>(op: K, inputs: readonly Tensor[], attrs: OpAttrs<K>): StaticTensorType {
  return inferOutputs(op, inputs, attrs)[0]!;
}
