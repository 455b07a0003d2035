import type {
  AttributeProto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto, StringStringEntryProto, TensorProto,
  TensorShapeDimension, TypeProto, ValueInfoProto,
} from './types';
import { WireWriter } from './wire-writer';

// Fields are written in field-number order, as protobuf's own serializers do. Scalars equal to
// their default are left out (a reader sees the same value); repeated fields onnx.proto marks
// [packed = true] are written packed, the others one value per tag.

/** Encodes a ModelProto into .onnx file bytes. */
export function encodeModel(model: ModelProto): Uint8Array {
  const w = new WireWriter();
  writeModel(w, model);
  return w.finish();
}

export function encodeGraph(graph: GraphProto): Uint8Array {
  const w = new WireWriter();
  writeGraph(w, graph, 'GraphProto');
  return w.finish();
}

/** Encodes a TensorProto on its own (the ONNX backend-test input_*.pb / output_*.pb layout). */
export function encodeTensor(tensor: TensorProto): Uint8Array {
  const w = new WireWriter();
  writeTensor(w, tensor, 'TensorProto');
  return w.finish();
}

export function encodeNode(node: NodeProto): Uint8Array {
  const w = new WireWriter();
  writeNode(w, node, 'NodeProto');
  return w.finish();
}

function str(w: WireWriter, field: number, value: string): void {
  if (value !== '') w.string(field, value);
}

function writeModel(w: WireWriter, m: ModelProto): void {
  if (m.irVersion !== 0) w.int64(1, m.irVersion, 'ModelProto.ir_version');
  str(w, 2, m.producerName);
  str(w, 3, m.producerVersion);
  str(w, 4, m.domain);
  if (m.modelVersion !== 0) w.int64(5, m.modelVersion, 'ModelProto.model_version');
  str(w, 6, m.docString);
  const graph = m.graph;
  if (graph) w.message(7, (c) => writeGraph(c, graph, 'ModelProto.graph'));
  for (const o of m.opsetImport) w.message(8, (c) => writeOpset(c, o));
  for (const e of m.metadataProps) w.message(14, (c) => writeEntry(c, e));
}

function writeOpset(w: WireWriter, o: OperatorSetIdProto): void {
  str(w, 1, o.domain);
  w.int64(2, o.version, `OperatorSetIdProto '${o.domain}'.version`);
}

function writeEntry(w: WireWriter, e: StringStringEntryProto): void {
  str(w, 1, e.key);
  str(w, 2, e.value);
}

function writeGraph(w: WireWriter, g: GraphProto, where: string): void {
  g.node.forEach((n, i) => w.message(1, (c) => writeNode(c, n, `${where}.node[${i}]`)));
  str(w, 2, g.name);
  g.initializer.forEach((t, i) => w.message(5, (c) => writeTensor(c, t, `${where}.initializer[${i}] '${t.name}'`)));
  str(w, 10, g.docString);
  g.input.forEach((v, i) => w.message(11, (c) => writeValueInfo(c, v, `${where}.input[${i}]`)));
  g.output.forEach((v, i) => w.message(12, (c) => writeValueInfo(c, v, `${where}.output[${i}]`)));
  g.valueInfo.forEach((v, i) => w.message(13, (c) => writeValueInfo(c, v, `${where}.value_info[${i}]`)));
}

function writeNode(w: WireWriter, n: NodeProto, where: string): void {
  for (const s of n.input) w.string(1, s);
  for (const s of n.output) w.string(2, s);
  str(w, 3, n.name);
  str(w, 4, n.opType);
  n.attribute.forEach((a, i) => w.message(5, (c) => writeAttribute(c, a, `${where}.attribute[${i}] '${a.name}'`)));
  str(w, 6, n.docString);
  str(w, 7, n.domain);
}

function writeAttribute(w: WireWriter, a: AttributeProto, where: string): void {
  str(w, 1, a.name);
  if (a.f !== 0 || Object.is(a.f, -0)) w.float(2, a.f);
  if (a.i !== 0) w.int64(3, a.i, `${where}.i`);
  if (a.s.length > 0) w.bytes(4, a.s);
  const { t, g } = a;
  if (t) w.message(5, (c) => writeTensor(c, t, `${where}.t`));
  if (g) w.message(6, (c) => writeGraph(c, g, `${where}.g`));
  for (const f of a.floats) w.float(7, f);
  for (const i of a.ints) w.int64(8, i, `${where}.ints`);
  for (const s of a.strings) w.bytes(9, s);
  a.tensors.forEach((x, i) => w.message(10, (c) => writeTensor(c, x, `${where}.tensors[${i}]`)));
  a.graphs.forEach((x, i) => w.message(11, (c) => writeGraph(c, x, `${where}.graphs[${i}]`)));
  str(w, 13, a.docString);
  if (a.type !== 0) w.int32(20, a.type);
  str(w, 21, a.refAttrName);
}

function writeTensor(w: WireWriter, t: TensorProto, where: string): void {
  for (const d of t.dims) w.int64(1, d, `${where}.dims`);
  if (t.dataType !== 0) w.int32(2, t.dataType);
  if (t.floatData.length > 0) w.message(4, (c) => t.floatData.forEach((f) => c.floatValue(f)));
  if (t.int32Data.length > 0) w.message(5, (c) => t.int32Data.forEach((v) => c.int32Value(v)));
  for (const s of t.stringData) w.bytes(6, s);
  if (t.int64Data.length > 0) w.message(7, (c) => t.int64Data.forEach((v) => c.int64Value(v, `${where}.int64_data`)));
  str(w, 8, t.name);
  if (t.rawData) w.bytes(9, t.rawData);
  if (t.doubleData.length > 0) w.message(10, (c) => t.doubleData.forEach((v) => c.doubleValue(v)));
  if (t.uint64Data.length > 0) w.message(11, (c) => t.uint64Data.forEach((v) => c.uint64Value(v, `${where}.uint64_data`)));
  str(w, 12, t.docString);
  for (const e of t.externalData) w.message(13, (c) => writeEntry(c, e));
  if (t.dataLocation !== 0) w.int32(14, t.dataLocation);
}

function writeValueInfo(w: WireWriter, v: ValueInfoProto, where: string): void {
  str(w, 1, v.name);
  const type = v.type;
  if (type) w.message(2, (c) => writeType(c, type, `${where}.type`));
  str(w, 3, v.docString);
}

function writeType(w: WireWriter, t: TypeProto, where: string): void {
  const tensor = t.tensorType;
  if (tensor) {
    w.message(1, (c) => {
      if (tensor.elemType !== 0) c.int32(1, tensor.elemType);
      const shape = tensor.shape;
      if (shape) c.message(2, (s) => shape.dim.forEach((d, i) => s.message(1, (x) => writeDimension(x, d, `${where}.shape.dim[${i}]`))));
    });
  }
  str(w, 6, t.denotation);
}

function writeDimension(w: WireWriter, d: TensorShapeDimension, where: string): void {
  // A oneof: dim_value 0 is written when set (presence matters), unlike other scalars.
  if (d.dimValue !== undefined) w.int64(1, d.dimValue, `${where}.dim_value`);
  else if (d.dimParam !== undefined) w.string(2, d.dimParam);
  str(w, 3, d.denotation);
}

