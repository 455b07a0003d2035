import type {
  AttributeProto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto, StringStringEntryProto, TensorProto,
  TensorShapeDimension, TensorShapeProto, TypeProto, TypeProtoTensor, ValueInfoProto,
} from './types';
import { WIRE, WireReader } from './wire-reader';

// Field numbers are onnx.proto's (checked against onnx 1.12's onnx.proto). Every decoder skips
// fields it does not know, so files from newer exporters read.

/** Decodes ModelProto bytes (an .onnx file). `source` names the file in errors. */
export function decodeModel(bytes: Uint8Array, source = 'ONNX model'): ModelProto {
  const r = new WireReader(bytes, `${source}: ModelProto`);
  const m: ModelProto = { irVersion: 0, opsetImport: [], producerName: '', producerVersion: '', domain: '', modelVersion: 0, docString: '', metadataProps: [] };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.VARINT, 'ir_version'); m.irVersion = r.int64('ir_version'); break;
      case 2: r.expect(wire, WIRE.LEN, 'producer_name'); m.producerName = r.string('producer_name'); break;
      case 3: r.expect(wire, WIRE.LEN, 'producer_version'); m.producerVersion = r.string('producer_version'); break;
      case 4: r.expect(wire, WIRE.LEN, 'domain'); m.domain = r.string('domain'); break;
      case 5: r.expect(wire, WIRE.VARINT, 'model_version'); m.modelVersion = r.int64('model_version'); break;
      case 6: r.expect(wire, WIRE.LEN, 'doc_string'); m.docString = r.string('doc_string'); break;
      case 7: r.expect(wire, WIRE.LEN, 'graph'); m.graph = readGraph(r.message(`${source}: graph`)); break;
      case 8: r.expect(wire, WIRE.LEN, 'opset_import'); m.opsetImport.push(readOpset(r.message(`${r.where}.opset_import[${m.opsetImport.length}]`))); break;
      case 14: r.expect(wire, WIRE.LEN, 'metadata_props'); m.metadataProps.push(readEntry(r.message(`${r.where}.metadata_props[${m.metadataProps.length}]`))); break;
      default: r.skip(wire);
    }
  }
  return m;
}

/** Decodes GraphProto bytes on their own. */
export function decodeGraph(bytes: Uint8Array, source = 'ONNX graph'): GraphProto {
  return readGraph(new WireReader(bytes, `${source}: GraphProto`));
}

/** Decodes TensorProto bytes on their own (the ONNX backend-test input_*.pb / output_*.pb files). */
export function decodeTensor(bytes: Uint8Array, source = 'ONNX tensor'): TensorProto {
  return readTensor(new WireReader(bytes, `${source}: TensorProto`));
}

export function decodeNode(bytes: Uint8Array, source = 'ONNX node'): NodeProto {
  return readNode(new WireReader(bytes, `${source}: NodeProto`));
}

function readOpset(r: WireReader): OperatorSetIdProto {
  const o: OperatorSetIdProto = { domain: '', version: 0 };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.LEN, 'domain'); o.domain = r.string('domain'); break;
      case 2: r.expect(wire, WIRE.VARINT, 'version'); o.version = r.int64('version'); break;
      default: r.skip(wire);
    }
  }
  return o;
}

function readEntry(r: WireReader): StringStringEntryProto {
  const e: StringStringEntryProto = { key: '', value: '' };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.LEN, 'key'); e.key = r.string('key'); break;
      case 2: r.expect(wire, WIRE.LEN, 'value'); e.value = r.string('value'); break;
      default: r.skip(wire);
    }
  }
  return e;
}

function readGraph(r: WireReader): GraphProto {
  const g: GraphProto = { node: [], name: '', initializer: [], docString: '', input: [], output: [], valueInfo: [] };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.LEN, 'node'); g.node.push(readNode(r.message(`${r.where}.node[${g.node.length}]`))); break;
      case 2: r.expect(wire, WIRE.LEN, 'name'); g.name = r.string('name'); break;
      case 5: r.expect(wire, WIRE.LEN, 'initializer'); g.initializer.push(readTensor(r.message(`${r.where}.initializer[${g.initializer.length}]`))); break;
      case 10: r.expect(wire, WIRE.LEN, 'doc_string'); g.docString = r.string('doc_string'); break;
      case 11: r.expect(wire, WIRE.LEN, 'input'); g.input.push(readValueInfo(r.message(`${r.where}.input[${g.input.length}]`))); break;
      case 12: r.expect(wire, WIRE.LEN, 'output'); g.output.push(readValueInfo(r.message(`${r.where}.output[${g.output.length}]`))); break;
      case 13: r.expect(wire, WIRE.LEN, 'value_info'); g.valueInfo.push(readValueInfo(r.message(`${r.where}.value_info[${g.valueInfo.length}]`))); break;
      default: r.skip(wire);
    }
  }
  return g;
}

function readNode(r: WireReader): NodeProto {
  const n: NodeProto = { input: [], output: [], name: '', opType: '', domain: '', attribute: [], docString: '' };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.LEN, 'input'); n.input.push(r.string('input')); break;
      case 2: r.expect(wire, WIRE.LEN, 'output'); n.output.push(r.string('output')); break;
      case 3: r.expect(wire, WIRE.LEN, 'name'); n.name = r.string('name'); break;
      case 4: r.expect(wire, WIRE.LEN, 'op_type'); n.opType = r.string('op_type'); break;
      case 5: r.expect(wire, WIRE.LEN, 'attribute'); n.attribute.push(readAttribute(r.message(`${r.where}.attribute[${n.attribute.length}]`))); break;
      case 6: r.expect(wire, WIRE.LEN, 'doc_string'); n.docString = r.string('doc_string'); break;
      case 7: r.expect(wire, WIRE.LEN, 'domain'); n.domain = r.string('domain'); break;
      default: r.skip(wire);
    }
  }
  return n;
}

const EMPTY_BYTES = new Uint8Array(0);

function readAttribute(r: WireReader): AttributeProto {
  const a: AttributeProto = {
    name: '', refAttrName: '', docString: '', type: 0, f: 0, i: 0, s: EMPTY_BYTES,
    floats: [], ints: [], strings: [], tensors: [], graphs: [],
  };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.LEN, 'name'); a.name = r.string('name'); break;
      case 2: r.expect(wire, WIRE.I32, 'f'); a.f = r.float(); break;
      case 3: r.expect(wire, WIRE.VARINT, 'i'); a.i = r.int64('i'); break;
      case 4: r.expect(wire, WIRE.LEN, 's'); a.s = r.bytes(); break;
      case 5: r.expect(wire, WIRE.LEN, 't'); a.t = readTensor(r.message(`${r.where}.t`)); break;
      case 6: r.expect(wire, WIRE.LEN, 'g'); a.g = readGraph(r.message(`${r.where}.g`)); break;
      case 7: r.repeated(wire, WIRE.I32, () => a.floats.push(r.float())); break;
      case 8: r.repeated(wire, WIRE.VARINT, () => a.ints.push(r.int64('ints'))); break;
      case 9: r.expect(wire, WIRE.LEN, 'strings'); a.strings.push(r.bytes()); break;
      case 10: r.expect(wire, WIRE.LEN, 'tensors'); a.tensors.push(readTensor(r.message(`${r.where}.tensors[${a.tensors.length}]`))); break;
      case 11: r.expect(wire, WIRE.LEN, 'graphs'); a.graphs.push(readGraph(r.message(`${r.where}.graphs[${a.graphs.length}]`))); break;
      case 13: r.expect(wire, WIRE.LEN, 'doc_string'); a.docString = r.string('doc_string'); break;
      case 20: r.expect(wire, WIRE.VARINT, 'type'); a.type = r.int32(); break;
      case 21: r.expect(wire, WIRE.LEN, 'ref_attr_name'); a.refAttrName = r.string('ref_attr_name'); break;
      default: r.skip(wire);
    }
  }
  return a;
}

function readTensor(r: WireReader): TensorProto {
  const dims: number[] = [];
  const floats: number[] = [];
  const int32s: number[] = [];
  const doubles: number[] = [];
  const t: TensorProto = {
    dims, dataType: 0, floatData: new Float32Array(0), int32Data: new Int32Array(0), stringData: [], int64Data: [],
    name: '', docString: '', externalData: [], dataLocation: 0, doubleData: new Float64Array(0), uint64Data: [],
  };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.repeated(wire, WIRE.VARINT, () => dims.push(r.int64('dims'))); break;
      case 2: r.expect(wire, WIRE.VARINT, 'data_type'); t.dataType = r.int32(); break;
      case 4: r.repeated(wire, WIRE.I32, () => floats.push(r.float())); break;
      case 5: r.repeated(wire, WIRE.VARINT, () => int32s.push(r.int32())); break;
      case 6: r.expect(wire, WIRE.LEN, 'string_data'); t.stringData.push(r.bytes()); break;
      case 7: r.repeated(wire, WIRE.VARINT, () => t.int64Data.push(r.int64('int64_data'))); break;
      case 8: r.expect(wire, WIRE.LEN, 'name'); t.name = r.string('name'); break;
      case 9: r.expect(wire, WIRE.LEN, 'raw_data'); t.rawData = r.bytes(); break;
      case 10: r.repeated(wire, WIRE.I64, () => doubles.push(r.double())); break;
      case 11: r.repeated(wire, WIRE.VARINT, () => t.uint64Data.push(r.uint64('uint64_data'))); break;
      case 12: r.expect(wire, WIRE.LEN, 'doc_string'); t.docString = r.string('doc_string'); break;
      case 13: r.expect(wire, WIRE.LEN, 'external_data'); t.externalData.push(readEntry(r.message(`${r.where}.external_data[${t.externalData.length}]`))); break;
      case 14: r.expect(wire, WIRE.VARINT, 'data_location'); t.dataLocation = r.int32(); break;
      default: r.skip(wire);
    }
  }
  if (floats.length > 0) t.floatData = Float32Array.from(floats);
  if (int32s.length > 0) t.int32Data = Int32Array.from(int32s);
  if (doubles.length > 0) t.doubleData = Float64Array.from(doubles);
  return t;
}

function readValueInfo(r: WireReader): ValueInfoProto {
  const v: ValueInfoProto = { name: '', docString: '' };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.LEN, 'name'); v.name = r.string('name'); break;
      case 2: r.expect(wire, WIRE.LEN, 'type'); v.type = readType(r.message(`${r.where}.type`)); break;
      case 3: r.expect(wire, WIRE.LEN, 'doc_string'); v.docString = r.string('doc_string'); break;
      default: r.skip(wire);
    }
  }
  return v;
}

function readType(r: WireReader): TypeProto {
  const t: TypeProto = { denotation: '' };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.LEN, 'tensor_type'); t.tensorType = readTensorType(r.message(`${r.where}.tensor_type`)); break;
      case 6: r.expect(wire, WIRE.LEN, 'denotation'); t.denotation = r.string('denotation'); break;
      default: r.skip(wire);
    }
  }
  return t;
}

function readTensorType(r: WireReader): TypeProtoTensor {
  const t: TypeProtoTensor = { elemType: 0 };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1: r.expect(wire, WIRE.VARINT, 'elem_type'); t.elemType = r.int32(); break;
      case 2: r.expect(wire, WIRE.LEN, 'shape'); t.shape = readShape(r.message(`${r.where}.shape`)); break;
      default: r.skip(wire);
    }
  }
  return t;
}

function readShape(r: WireReader): TensorShapeProto {
  const s: TensorShapeProto = { dim: [] };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    if (tag >>> 3 === 1) {
      r.expect(wire, WIRE.LEN, 'dim');
      s.dim.push(readDimension(r.message(`${r.where}.dim[${s.dim.length}]`)));
    } else r.skip(wire);
  }
  return s;
}

function readDimension(r: WireReader): TensorShapeDimension {
  const d: TensorShapeDimension = { denotation: '' };
  while (!r.done) {
    const tag = r.tag();
    const wire = tag & 7;
    switch (tag >>> 3) {
      // A oneof: the last one on the wire wins.
      case 1: r.expect(wire, WIRE.VARINT, 'dim_value'); d.dimValue = r.int64('dim_value'); delete d.dimParam; break;
      case 2: r.expect(wire, WIRE.LEN, 'dim_param'); d.dimParam = r.string('dim_param'); delete d.dimValue; break;
      case 3: r.expect(wire, WIRE.LEN, 'denotation'); d.denotation = r.string('denotation'); break;
      default: r.skip(wire);
    }
  }
  return d;
}
