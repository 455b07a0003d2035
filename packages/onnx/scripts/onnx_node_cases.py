"""ONNX's own node tests for the ops cnnkit imports, in the ONNX backend-test layout.

    /usr/bin/python3 onnx_node_cases.py OUTDIR

For every test case of onnx.backend.test.case.node (the cases ONNX ships, with numpy reference
outputs) whose nodes all have op types cnnkit imports, writes

    OUTDIR/<case>/model.onnx
    OUTDIR/<case>/test_data_set_0/input_<k>.pb, output_<k>.pb   (TensorProto, named after the graph's values)

and OUTDIR/manifest.json listing the cases. Nothing is committed: the import tests generate it
in a temporary directory.

One change to ONNX's models: cnnkit graphs are static, so attribute-like inputs that the node
tests feed at run time (Reshape's shape, Slice's starts / ends / axes / steps, Unsqueeze's axes,
Pad's pads, Dropout's ratio ...) become initializers holding the test's values. Data inputs stay
graph inputs.

onnx 1.12's case modules use numpy aliases removed in numpy 1.24 (np.float ...); they are put
back before importing them.
"""
import json
import os
import sys
import warnings

import numpy as np

with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    for _alias, _type in (('float', float), ('int', int), ('bool', bool), ('object', object), ('str', str)):
        if not hasattr(np, _alias):
            setattr(np, _alias, _type)

import onnx  # noqa: E402
from onnx import numpy_helper  # noqa: E402
from onnx.backend.test.case import node as node_cases  # noqa: E402

OPS = {
    'Abs', 'Add', 'ArgMax', 'AveragePool', 'BatchNormalization', 'Cast', 'Concat', 'Constant', 'Conv', 'Div',
    'Dropout', 'Exp', 'Expand', 'Flatten', 'Gather', 'Gemm', 'GlobalAveragePool', 'GlobalMaxPool', 'Identity',
    'LeakyRelu', 'Log', 'LogSoftmax', 'MatMul', 'MaxPool', 'Mul', 'Neg', 'Pad', 'ReduceMax', 'ReduceMean',
    'ReduceSum', 'Relu', 'Reshape', 'Shape', 'Sigmoid', 'Sign', 'Slice', 'Softmax', 'Sqrt', 'Squeeze', 'Sub',
    'Tanh', 'Transpose', 'Unsqueeze',
}

# op type -> input slots that hold attribute-like values: turned into initializers.
STATIC_SLOTS = {
    'Reshape': {1}, 'Expand': {1}, 'Slice': {1, 2, 3, 4}, 'Unsqueeze': {1}, 'Squeeze': {1},
    'ReduceSum': {1}, 'ReduceMean': {1}, 'ReduceMax': {1}, 'Pad': {1, 2, 3}, 'Dropout': {1, 2},
}


def static_inputs(graph):
    names = set()
    for n in graph.node:
        for slot in STATIC_SLOTS.get(n.op_type, ()):
            if slot < len(n.input) and n.input[slot]:
                names.add(n.input[slot])
    return names


def is_tensor_io(values):
    return all(v.type.HasField('tensor_type') for v in values)


def write_case(outdir, case):
    model = onnx.ModelProto()
    model.CopyFrom(case.model)
    graph = model.graph
    if not is_tensor_io(graph.input) or not is_tensor_io(graph.output):
        return None
    arrays = [a if isinstance(a, np.ndarray) else np.asarray(a) if isinstance(a, (np.generic, float, int)) else None
              for a in list(case.data_sets[0][0]) + list(case.data_sets[0][1])]
    if any(a is None for a in arrays):
        return None  # sequences, optionals
    inputs, outputs = arrays[:len(case.data_sets[0][0])], arrays[len(case.data_sets[0][0]):]
    moved = static_inputs(graph)
    kept_inputs, kept_arrays = [], []
    for info, array in zip(graph.input, inputs):
        if info.name in moved:
            graph.initializer.append(numpy_helper.from_array(array, info.name))
        else:
            kept_inputs.append(info)
            kept_arrays.append(array)
    del graph.input[:]
    graph.input.extend(kept_inputs)
    path = os.path.join(outdir, case.name)
    data = os.path.join(path, 'test_data_set_0')
    os.makedirs(data, exist_ok=True)
    onnx.save(model, os.path.join(path, 'model.onnx'))
    for k, (info, array) in enumerate(zip(kept_inputs, kept_arrays)):
        with open(os.path.join(data, f'input_{k}.pb'), 'wb') as f:
            f.write(numpy_helper.from_array(array, info.name).SerializeToString())
    for k, (info, array) in enumerate(zip(graph.output, outputs)):
        with open(os.path.join(data, f'output_{k}.pb'), 'wb') as f:
            f.write(numpy_helper.from_array(array, info.name).SerializeToString())
    return {'name': case.name, 'ops': sorted({n.op_type for n in graph.node}), 'opset': model.opset_import[0].version,
            'staticInputs': sorted(moved & {i.name for i in case.model.graph.input})}


def main(argv):
    if len(argv) != 1:
        sys.exit(f'usage: {sys.argv[0]} OUTDIR')
    outdir = argv[0]
    os.makedirs(outdir, exist_ok=True)
    cases = []
    for case in node_cases.collect_testcases(None):
        ops = {n.op_type for n in case.model.graph.node}
        if not ops or not ops <= OPS or any(n.domain not in ('', 'ai.onnx') for n in case.model.graph.node):
            continue
        entry = write_case(outdir, case)
        if entry:
            cases.append(entry)
    with open(os.path.join(outdir, 'manifest.json'), 'w') as f:
        json.dump({'onnx': onnx.__version__, 'numpy': np.__version__, 'cases': cases}, f, indent=1)
    print(f'wrote {len(cases)} ONNX node cases to {outdir} (onnx {onnx.__version__})')


if __name__ == '__main__':
    main(sys.argv[1:])
