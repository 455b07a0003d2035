export { CnnkitError, isCnnkitError, type CnnkitErrorCode } from './errors';

export { type DType, DTYPES, type TypedArray, type TypedArrayOf, allocate, dtypeOfArray, isDType, toTypedArray } from './tensor/dtype';
export {
  type Dim, type Shape, type StaticShape,
  assertValidShape, broadcastShapes, formatShape, isStaticShape, normalizeAxis, shapesEqual, sizeOf, stridesOf,
} from './tensor/shape';
export { Tensor, hostStorage, type TensorStorage, type TensorValue } from './tensor/tensor';

export type * from './ops/attributes';
export type { InputSpec, OpDef, TensorType } from './ops/op-def';
export { OP_SET, OP_TYPES, TRAINING_OP_TYPES, getOpDef, isOpType } from './ops/op-set';
export { sliceBounds } from './ops/slice-expand';
export { convOutputSize, effectiveKernel, poolOutputSize, resolvePads } from './ops/spatial';

export type { AnyGraphNode, AnyNormalizedNode, Graph, GraphNode, NormalizedNode, ValidatedGraph, ValueInfo } from './graph/graph';
export { GraphBuilder } from './graph/builder';
export { nodeWhere, opsUsed, validateGraph } from './graph/validate';
export { GRAPH_FORMAT, type GraphJson, graphFromJson, graphToJson, parseGraph, serializeGraph } from './graph/serialize';

export type {
  Backend, BackendCapabilities, BackendFactory, BackendInfo, BackendOptions, CompileOptions, DeviceKind, Executable, FusedAdamResult, FusedAdamStep,
  FusedUpdates, Kernel, KernelTable,
} from './backend/backend';
export { checkFeeds } from './backend/feeds';
export { compileWithKernels, type InterpretOptions } from './backend/interpret';
export { type BackendLoadOptions, KNOWN_BACKENDS, createBackend, defaultBackendName, registerBackend, registeredBackends, unregisterBackend } from './backend/create-backend';

export { type OpRecord, type OpRecorder, engine, getBackend, keep, noGrad, runOp, setBackend, tidy } from './eager/engine';
export * as F from './eager/functional';
export type { GradContext, GradFn, GradientTable } from './autograd/gradient';
export { GRADIENTS } from './autograd/gradients';
export { type ValueAndGrads, valueAndGrads } from './autograd/value-and-grads';
export { backward } from './autograd/backward';
export { Parameter } from './nn/parameter';
export { DEFAULT_SEED, Rng, type RngState, defaultRng, manualSeed } from './random/rng';
export * from './nn';
export * as init from './nn/init';
export * from './train/losses';
export * from './train/optimizers';
export * from './train/schedules';
export { type ClipGradNormOptions, clipGradNorm } from './train/clip-grad-norm';
export * from './train/metrics';
export * from './io/safetensors';
export { writeFileAtomic } from './io/atomic-write';
export { CHECKPOINT_METADATA_KEY, CHECKPOINT_VERSION, type Checkpoint, type CheckpointInput, type EpochLogs, type RestoreTargets, loadCheckpoint, restoreCheckpoint, saveCheckpoint } from './train/checkpoint';
export { type ArrayDataSourceOptions, type Batch, type DataSource, arrayDataSource } from './train/data';
export { type FitOptions, type FitResult, fit } from './train/fit';
export * from './train/callbacks';
export { SEEDED_WEIGHTS_RECIPE_VERSION, fillSeededIntegers, fillSeededUniform, seededBounds, seededIntegers, seededStateDict, seededUniform } from './zoo/seeded-weights';
export { type TraceInput, type TraceOptions, traceModule } from './trace/trace-module';
export { type MacsReport, type NodeMacs, countMacs } from './graph/macs';
export { type FoldBatchNormResult, foldBatchNorm } from './graph/fold-batch-norm';
export { type ValueUses, valueUses } from './graph/value-uses';
export { NPY_READABLE_TEXT } from './io/npy-dtypes';
export { parseNpy, readNpy, serializeNpy, writeNpy } from './io/npy';
export * from './zoo';
