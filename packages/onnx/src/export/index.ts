export { EXPORT_OPSET, type ExportOnnxOptions, exportModelProto, exportOnnx } from './export-onnx';
export { type FoldBatchNormResult, foldBatchNorm } from '@cnnkit/core';
