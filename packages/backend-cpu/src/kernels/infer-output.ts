import { type OpAttrs, type OpType, type StaticShape, type Tensor, CnnkitError, formatShape, getOpDef, isStaticShape } from '@cnnkit/core';

/**
 * Runs the op's own shape inference on the kernel's inputs, so a kernel called eagerly (autograd,
 * tests) rejects bad input with the same messages a graph gets at validation time.
 */
export function inferOutputShape<K extends OpType>(op: K, inputs: readonly Tensor[], attrs: OpAttrs<K>): StaticShape {
  const where = `${op} (cpu kernel)`;
  const def = getOpDef(op);
  const required = def.inputs.filter((s) => !s.optional).length;
  if (inputs.length < required || inputs.length > def.inputs.length) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: given ${inputs.length} inputs; expected ${required === def.inputs.length ? required : `${required} to ${def.inputs.length}`} (${def.inputs.map((s) => s.name).join(', ')})`);
  }
  inputs.forEach((x, i) => {
    const spec = def.inputs[i]!;
    if (!spec.dtypes.includes(x.dtype)) {
      throw new CnnkitError('DTYPE_MISMATCH', `${where}: input '${spec.name}' ${formatShape(x.shape)} is ${x.dtype}; expected ${spec.dtypes.join(' or ')}`);
    }
  });
  const [out] = def.infer(inputs, attrs, where);
  if (!out || !isStaticShape(out.shape)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: could not infer a static output shape from inputs ${inputs.map((x) => formatShape(x.shape)).join(', ')}`);
  }
  return out.shape;
}
