/** TensorProto.DataType (onnx.proto). */
export const DATA_TYPE = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
} as const;

export type DataTypeName = keyof typeof DATA_TYPE;

/** The name of a data type code, for messages ('INT64'), or 'data type 99' for an unknown one. */
export function dataTypeName(code: number): string {
  const entry = Object.entries(DATA_TYPE).find(([, v]) => v === code);
  return entry ? entry[0] : `data type ${code}`;
}

/** AttributeProto.AttributeType (onnx.proto). */
export const ATTRIBUTE_TYPE = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12,
  TYPE_PROTO: 13,
  TYPE_PROTOS: 14,
} as const;

export function attributeTypeName(code: number): string {
  const entry = Object.entries(ATTRIBUTE_TYPE).find(([, v]) => v === code);
  return entry ? entry[0] : `attribute type ${code}`;
}

/** TensorProto.DataLocation. */
export const DATA_LOCATION = { DEFAULT: 0, EXTERNAL: 1 } as const;

/** The IR version cnnkit writes (ONNX 1.10+, opset 15–17 era). */
export const IR_VERSION = 8;
