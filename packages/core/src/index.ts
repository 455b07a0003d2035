export { CnnkitError, isCnnkitError, type CnnkitErrorCode } from './errors';

export { type DType, DTYPES, type TypedArray, type TypedArrayOf, allocate, dtypeOfArray, isDType, toTypedArray } from './tensor/dtype';
export {
  type Dim, type Shape, type StaticShape,
  assertValidShape, broadcastShapes, formatShape, isStaticShape, normalizeAxis, shapesEqual, sizeOf, stridesOf,
} from './tensor/shape';
export { Tensor, hostStorage, type TensorStorage, type TensorValue } from './tensor/tensor';

export type * from './ops/attributes';
export type { InputSpec, OpDef, TensorType } from './ops/op-def';
export { OP_SET, OP_TYPES, getOpDef, isOpType } from './ops/op-set';
export { convOutputSize, effectiveKernel, poolOutputSize, resolvePads } from './ops/spatial';

export type { AnyGraphNode, AnyNormalizedNode, Graph, GraphNode, NormalizedNode, ValidatedGraph, ValueInfo } from './graph/graph';
export { GraphBuilder } from './graph/builder';
export { nodeWhere, opsUsed, validateGraph } from './graph/validate';
export { GRAPH_FORMAT, type GraphJson, graphFromJson, graphToJson, parseGraph, serializeGraph } from './graph/serialize';

export type {
  Backend, BackendCapabilities, BackendFactory, BackendInfo, BackendOptions, CompileOptions, DeviceKind, Executable, Kernel, KernelTable,
} from './backend/backend';
export { checkFeeds } from './backend/feeds';
export { compileWithKernels, type InterpretOptions } from './backend/interpret';
export { type BackendLoadOptions, KNOWN_BACKENDS, createBackend, defaultBackendName, registerBackend, registeredBackends, unregisterBackend } from './backend/create-backend';
