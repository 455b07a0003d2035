"""Writes ONNX node test cases in the ONNX backend-test layout, for `cnnkit conformance --onnx-cases`.

    /usr/bin/python3 onnx_node_cases.py OUTDIR

OUTDIR/<case>/model.onnx and OUTDIR/<case>/test_data_set_0/input_<i>.pb, output_<i>.pb, exactly
as `python -m onnx.backend.test.cmd_tools generate-data` lays them out. Debian's python3-onnx
ships no prebuilt data (no onnx/backend/test/data), but it ships the generators
(onnx.backend.test.case.node.*: every case is a node, inputs and numpy-computed outputs): this
script imports the modules of the ops below, which registers their cases, and writes those. The
expected outputs are ONNX's reference implementation's, not ours.

Ops: Conv, Relu, MaxPool, Gemm, Softmax (cnnkit imports these) and LSTM (it does not: reported
unsupported). One more case, test_relu_wrong_expected, is test_relu with its expected output
changed by +1 at one element: a runner must report it failed.
"""
import importlib
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import numpy_helper

MODULES = ['conv', 'relu', 'maxpool', 'gemm', 'softmax', 'lstm']


def collect():
    # Each module's Base subclasses run their export_* functions when the module is imported,
    # and those append TestCase(model, data_sets) to _NodeTestCases.
    import onnx.backend.test.case.node as node_cases
    node_cases._TargetOpType = None
    for name in MODULES:
        importlib.import_module(f'onnx.backend.test.case.node.{name}')
    return list(node_cases._NodeTestCases)


def write_case(outdir, name, model, data_sets):
    case_dir = os.path.join(outdir, name)
    if os.path.exists(case_dir):
        shutil.rmtree(case_dir)
    os.makedirs(case_dir)
    with open(os.path.join(case_dir, 'model.onnx'), 'wb') as f:
        f.write(model.SerializeToString())
    for i, (inputs, outputs) in enumerate(data_sets):
        data_dir = os.path.join(case_dir, f'test_data_set_{i}')
        os.makedirs(data_dir)
        for kind, values, infos in (('input', inputs, model.graph.input), ('output', outputs, model.graph.output)):
            for j, value in enumerate(values):
                with open(os.path.join(data_dir, f'{kind}_{j}.pb'), 'wb') as f:
                    f.write(numpy_helper.from_array(np.asarray(value), infos[j].name).SerializeToString())


def main(argv):
    if len(argv) != 1:
        sys.exit(f'usage: {sys.argv[0]} OUTDIR')
    outdir = argv[0]
    os.makedirs(outdir, exist_ok=True)
    cases = collect()
    for case in cases:
        write_case(outdir, case.name, case.model, case.data_sets)
    relu = next(c for c in cases if c.name == 'test_relu')
    (inputs, outputs), = relu.data_sets
    wrong = np.array(outputs[0], copy=True)
    wrong.flat[0] += 1
    write_case(outdir, 'test_relu_wrong_expected', relu.model, [(inputs, [wrong])])
    print(f'onnx {onnx.__version__}: {len(cases) + 1} cases written to {outdir}')


if __name__ == '__main__':
    main(sys.argv[1:])
