export { type ImportOnnxOptions, MAX_OPSET, MIN_OPSET, importOnnx } from './import-onnx';
export { CONVERTERS } from './registry';
