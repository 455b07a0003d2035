// The ONNX protobuf codec: plain TypeScript types for the subset of onnx.proto cnnkit uses,
// hand-written wire encoding and decoding, constructors and tensor conversions.
export type * from './types';
export { ATTRIBUTE_TYPE, DATA_LOCATION, DATA_TYPE, type DataTypeName, IR_VERSION, attributeTypeName, dataTypeName } from './enums';
export { decodeGraph, decodeModel, decodeNode, decodeTensor } from './decode';
export { encodeGraph, encodeModel, encodeNode, encodeTensor } from './encode';
export { attr, makeGraph, makeModel, makeNode, makeOpset, makeTensor, makeValueInfo, textOf } from './builders';
export { tensorFromProto, tensorProtoNumbers, tensorToProto } from './tensor-value';
export { INT64_MAX, INT64_MIN } from './int64';
