export * as proto from './proto';
export { EXPORT_OPSET, type ExportOnnxOptions, exportModelProto, exportOnnx } from './export';
export { type FoldBatchNormResult, foldBatchNorm } from './export/fold-batch-norm';
export { decodeTensorProto, encodeTensorProto } from './proto/tensor-value';
export { type ImportOnnxOptions, importOnnx } from './import';
