import { ATTRIBUTE_TYPE, IR_VERSION } from './enums';
import type {
  AttributeProto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto, TensorProto, TensorShapeDimension, ValueInfoProto,
} from './types';

/** Small constructors in the spirit of onnx.helper: every field not given takes its default. */

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

export function makeTensor(fields: Partial<TensorProto>): TensorProto {
  return {
    dims: [], dataType: 0, floatData: new Float32Array(0), int32Data: new Int32Array(0), stringData: [], int64Data: [],
    name: '', docString: '', externalData: [], dataLocation: 0, doubleData: new Float64Array(0), uint64Data: [],
    ...fields,
  };
}

function makeAttribute(name: string, type: number, fields: Partial<AttributeProto>): AttributeProto {
  return {
    name, refAttrName: '', docString: '', type, f: 0, i: 0, s: new Uint8Array(0),
    floats: [], ints: [], strings: [], tensors: [], graphs: [], ...fields,
  };
}

export const attr = {
  float: (name: string, f: number): AttributeProto => makeAttribute(name, ATTRIBUTE_TYPE.FLOAT, { f }),
  int: (name: string, i: number): AttributeProto => makeAttribute(name, ATTRIBUTE_TYPE.INT, { i }),
  string: (name: string, s: string): AttributeProto => makeAttribute(name, ATTRIBUTE_TYPE.STRING, { s: utf8Encoder.encode(s) }),
  tensor: (name: string, t: TensorProto): AttributeProto => makeAttribute(name, ATTRIBUTE_TYPE.TENSOR, { t }),
  graph: (name: string, g: GraphProto): AttributeProto => makeAttribute(name, ATTRIBUTE_TYPE.GRAPH, { g }),
  floats: (name: string, floats: readonly number[]): AttributeProto => makeAttribute(name, ATTRIBUTE_TYPE.FLOATS, { floats: [...floats] }),
  ints: (name: string, ints: readonly number[]): AttributeProto => makeAttribute(name, ATTRIBUTE_TYPE.INTS, { ints: [...ints] }),
  strings: (name: string, strings: readonly string[]): AttributeProto => makeAttribute(name, ATTRIBUTE_TYPE.STRINGS, { strings: strings.map((s) => utf8Encoder.encode(s)) }),
};

/** The UTF-8 text of a string attribute (or any bytes field). */
export function textOf(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

export function makeNode(opType: string, input: readonly string[], output: readonly string[], options: { name?: string; domain?: string; attribute?: readonly AttributeProto[]; docString?: string } = {}): NodeProto {
  return {
    input: [...input], output: [...output], name: options.name ?? '', opType, domain: options.domain ?? '',
    attribute: [...(options.attribute ?? [])], docString: options.docString ?? '',
  };
}

/** A tensor value info; strings in `shape` become dim_param, numbers dim_value; shape undefined = unknown rank. */
export function makeValueInfo(name: string, elemType: number, shape?: readonly (number | string)[]): ValueInfoProto {
  const dim = shape?.map((d): TensorShapeDimension => (typeof d === 'string' ? { dimParam: d, denotation: '' } : { dimValue: d, denotation: '' }));
  return { name, docString: '', type: { denotation: '', tensorType: { elemType, ...(dim ? { shape: { dim } } : {}) } } };
}

export function makeGraph(fields: Partial<GraphProto>): GraphProto {
  return { node: [], name: '', initializer: [], docString: '', input: [], output: [], valueInfo: [], ...fields };
}

export function makeOpset(version: number, domain = ''): OperatorSetIdProto {
  return { domain, version };
}

export function makeModel(graph: GraphProto, fields: Partial<ModelProto> = {}): ModelProto {
  return {
    irVersion: IR_VERSION, opsetImport: [makeOpset(17)], producerName: '', producerVersion: '', domain: '',
    modelVersion: 0, docString: '', metadataProps: [], graph, ...fields,
  };
}
