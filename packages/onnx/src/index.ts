export * as proto from './proto';
export { decodeTensorProto, encodeTensorProto } from './proto/tensor-value';
export { type ImportOnnxOptions, importOnnx } from './import';
