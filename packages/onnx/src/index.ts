export * as proto from './proto';
export { EXPORT_OPSET, type ExportOnnxOptions, exportModelProto, exportOnnx } from './export';
// foldBatchNorm moved to @cnnkit/core (the cpu backend folds at compile too); re-exported here so imports from @cnnkit/onnx keep working.
export { type FoldBatchNormResult, foldBatchNorm } from '@cnnkit/core';
export { decodeTensorProto, encodeTensorProto } from './proto/tensor-value';
export { type ImportOnnxOptions, importOnnx } from './import';
