export * as proto from './proto';
export { EXPORT_OPSET, type ExportOnnxOptions, exportModelProto, exportOnnx } from './export';
export { decodeTensorProto, encodeTensorProto } from './proto/tensor-value';
export { type ImportOnnxOptions, importOnnx } from './import';
