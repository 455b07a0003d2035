/**
 * The subset of onnx.proto (IR version 8) that cnnkit reads and writes, as plain objects. Field
 * names are onnx.proto's in camelCase; the field numbers are in decode.ts / encode.ts. Fields
 * with a protobuf default are always present after decoding (empty strings, zero, empty
 * arrays); message fields and fields whose presence matters are optional. int64 fields are
 * numbers (see int64.ts: exact within ±2^53, INT64_MAX / INT64_MIN as ±Infinity). `bytes`
 * fields are Uint8Arrays (views into the decoded buffer). Fields outside this subset are
 * skipped when decoding and never written.
 */

export interface OperatorSetIdProto {
  /** '' (or 'ai.onnx') is the default ONNX domain. */
  domain: string;
  version: number;
}

export interface StringStringEntryProto {
  key: string;
  value: string;
}

export interface TensorShapeDimension {
  /** Exactly one of dimValue / dimParam is set for a known dimension; neither for an unknown one. */
  dimValue?: number;
  dimParam?: string;
  denotation: string;
}

export interface TensorShapeProto {
  dim: TensorShapeDimension[];
}

export interface TypeProtoTensor {
  /** A TensorProto data type (DATA_TYPE). */
  elemType: number;
  /** Absent: the rank is unknown too. */
  shape?: TensorShapeProto;
}

/** Only tensor types are read; sequence / map / optional / sparse types leave tensorType unset. */
export interface TypeProto {
  tensorType?: TypeProtoTensor;
  denotation: string;
}

export interface ValueInfoProto {
  name: string;
  type?: TypeProto;
  docString: string;
}

export interface TensorProto {
  dims: number[];
  /** A DATA_TYPE value. */
  dataType: number;
  /** FLOAT (and COMPLEX64) values. */
  floatData: Float32Array;
  /** INT32, INT16, INT8, UINT16, UINT8, BOOL, FLOAT16 and BFLOAT16 values (the last two as their bit patterns). */
  int32Data: Int32Array;
  stringData: Uint8Array[];
  int64Data: number[];
  name: string;
  docString: string;
  /** Little-endian element bytes; when present the typed fields above are empty. */
  rawData?: Uint8Array;
  externalData: StringStringEntryProto[];
  /** DATA_LOCATION: 0 default (inside the file), 1 external. */
  dataLocation: number;
  doubleData: Float64Array;
  /** UINT32 and UINT64 values. */
  uint64Data: number[];
}

export interface AttributeProto {
  name: string;
  /** Set in function bodies: the attribute takes the value of the caller's attribute of this name. */
  refAttrName: string;
  docString: string;
  /** An ATTRIBUTE_TYPE value: which of the value fields below is meant. */
  type: number;
  f: number;
  i: number;
  s: Uint8Array;
  t?: TensorProto;
  g?: GraphProto;
  floats: number[];
  ints: number[];
  strings: Uint8Array[];
  tensors: TensorProto[];
  graphs: GraphProto[];
}

export interface NodeProto {
  input: string[];
  output: string[];
  name: string;
  opType: string;
  domain: string;
  attribute: AttributeProto[];
  docString: string;
}

export interface GraphProto {
  node: NodeProto[];
  name: string;
  initializer: TensorProto[];
  docString: string;
  input: ValueInfoProto[];
  output: ValueInfoProto[];
  valueInfo: ValueInfoProto[];
}

export interface ModelProto {
  irVersion: number;
  opsetImport: OperatorSetIdProto[];
  producerName: string;
  producerVersion: string;
  domain: string;
  modelVersion: number;
  docString: string;
  graph?: GraphProto;
  metadataProps: StringStringEntryProto[];
}
