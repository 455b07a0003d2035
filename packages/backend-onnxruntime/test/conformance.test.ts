import { runConformance } from '@cnnkit/conformance/vitest';
import { createBackend } from '../src';

const CIRCULAR = "circular padding needs ONNX Pad mode 'wrap', which arrived in opset 19; exportOnnx writes opset 17 and refuses paddingMode 'circular'";
const NAN = "ONNX Runtime's CPU MaxPool / GlobalMaxPool / ReduceMax / ArgMax skip NaN (ONNX leaves NaN unspecified there); PyTorch and cnnkit propagate it";

runConformance({
  create: () => createBackend({ device: 'cpu' }),
  expectDevice: 'cpu',
  skip: {
    cases: {
      'conv1d/hand/circular-same': CIRCULAR,
      'conv1d/pytorch/circular-p2': CIRCULAR,
      'conv1d/pytorch/circular-asymmetric-stride2': CIRCULAR,
      'conv1d/pytorch/circular-same': CIRCULAR,
      'conv1d/pytorch/circular-nn-conv1d': CIRCULAR,
      'conv2d/hand/circular': CIRCULAR,
      'conv2d/pytorch/circular-p1': CIRCULAR,
      'conv2d/pytorch/circular-asymmetric': CIRCULAR,
      'conv2d/pytorch/circular-same-dilation2': CIRCULAR,
      'conv2d/pytorch/circular-depthwise': CIRCULAR,
      'conv2d/pytorch/circular-nn-conv2d': CIRCULAR,
      'maxPool2d/pytorch/ceil-dilation2-s3': "PyTorch's ceil_mode sizes here are ONNX's floor size on one axis and its ceil size on the other; one ONNX MaxPool has one ceil_mode, so exportOnnx refuses the node",
      'maxPool1d/hand/nan-propagates': NAN,
      'maxPool1d/pytorch/nan-propagates': NAN,
      'maxPool2d/pytorch/nan-propagates': NAN,
      'globalMaxPool/pytorch/nan-propagates': NAN,
      'reduceMax/hand/nan-propagates': NAN,
      'reduceMax/pytorch/nan-and-inf': NAN,
      'reduceMax/pytorch/nan-axis0': NAN,
      'argMax/hand/nan-is-max': NAN,
      'argMax/pytorch/nan-and-inf': NAN,
    },
  },
});
