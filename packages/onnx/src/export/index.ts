export { EXPORT_OPSET, type ExportOnnxOptions, exportModelProto, exportOnnx } from './export-onnx';
