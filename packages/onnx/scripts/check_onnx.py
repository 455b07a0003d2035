"""Checks ONNX files with Python's onnx package, all in one process, and reports as JSON lines.

Usage: /usr/bin/python3 check_onnx.py [--dump] [--types] [--no-full-check] PATH...

Each PATH is a file or a directory (its *.onnx and *.pb files, sorted). For every .onnx file one
JSON object is printed on its own line:
  {"file": ..., "ok": true | false, "error": null | "message", "ir_version": 8, "opsets": {"": 17},
   "model": MessageToDict(model)            (with --dump),
   "types": {value name: {"elem_type": 1, "shape": [3, "N", null] | null}}   (with --types:
            ONNX's own shape inference, strict, over every graph input, output and node output)}
"ok" means onnx.checker.check_model passed (with full_check=True, i.e. strict shape inference,
unless --no-full-check). For every .pb file (a serialized TensorProto, as in the ONNX backend
tests): {"file", "ok", "error", "name", "data_type", "dims", "values"} with values read by
onnx.numpy_helper.to_array (NaN / infinities as strings).

The exit status is 0 when every file was read and reported (check failures are in the report),
2 on a usage error. The cnnkit tests run this once over a temporary directory.
"""
import json
import math
import os
import sys

import onnx
from google.protobuf.json_format import MessageToDict
from onnx import numpy_helper, shape_inference


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith('.onnx') or name.endswith('.pb'):
                    yield os.path.join(p, name)
        else:
            yield p


def dims_of(type_proto):
    if not type_proto.HasField('tensor_type') or not type_proto.tensor_type.HasField('shape'):
        return None
    out = []
    for d in type_proto.tensor_type.shape.dim:
        which = d.WhichOneof('value')
        out.append(d.dim_value if which == 'dim_value' else d.dim_param if which == 'dim_param' else None)
    return out


def inferred_types(model):
    inferred = shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    g = inferred.graph
    types = {}
    for vi in list(g.input) + list(g.value_info) + list(g.output):
        types[vi.name] = {'elem_type': vi.type.tensor_type.elem_type, 'shape': dims_of(vi.type)}
    return types


def json_number(v):
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return 'NaN' if math.isnan(v) else ('Infinity' if v > 0 else '-Infinity')
    return v


def check_model(path, dump, types, full_check):
    report = {'file': path, 'ok': False, 'error': None}
    try:
        model = onnx.load(path)
        report['ir_version'] = model.ir_version
        report['opsets'] = {o.domain: o.version for o in model.opset_import}
        if dump:
            report['model'] = MessageToDict(model, use_integers_for_enums=True)
        onnx.checker.check_model(model, full_check=full_check)
        if types:
            report['types'] = inferred_types(model)
        report['ok'] = True
    except Exception as e:  # noqa: BLE001 -- every failure is reported, per file
        report['error'] = f'{type(e).__name__}: {e}'
    return report


def check_tensor(path):
    report = {'file': path, 'ok': False, 'error': None}
    try:
        t = onnx.load_tensor(path)
        array = numpy_helper.to_array(t)
        report.update(name=t.name, data_type=t.data_type, dims=list(t.dims),
                      values=[json_number(v) for v in array.reshape(-1).tolist()])
        report['ok'] = True
    except Exception as e:  # noqa: BLE001
        report['error'] = f'{type(e).__name__}: {e}'
    return report


def main(argv):
    flags = {a for a in argv if a.startswith('--')}
    paths = [a for a in argv if not a.startswith('--')]
    unknown = flags - {'--dump', '--types', '--no-full-check'}
    if unknown or not paths:
        print(__doc__, file=sys.stderr)
        return 2
    for path in files_of(paths):
        if path.endswith('.pb'):
            report = check_tensor(path)
        else:
            report = check_model(path, '--dump' in flags, '--types' in flags, '--no-full-check' not in flags)
        print(json.dumps(report, sort_keys=True), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
