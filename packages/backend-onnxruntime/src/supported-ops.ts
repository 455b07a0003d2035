import { type OpType, OP_TYPES, TRAINING_OP_TYPES } from '@cnnkit/core';

/**
 * The ops this backend runs: the forward ops of core's op set, each of which exportOnnx writes
 * as standard ONNX (opset 17). The backward kernels have no ONNX counterpart: ORT here is
 * inference only.
 */
export const ORT_OPS: readonly OpType[] = OP_TYPES.filter((op) => !(TRAINING_OP_TYPES as readonly OpType[]).includes(op));
