import { MODEL_CASES } from '@cnnkit/conformance';
import { runConformance } from '@cnnkit/conformance/vitest';
import { createBackend } from '../src';

// The checked backend exists to reject a NaN / Inf made from finite inputs; these two cases divide
// finite numbers by zero on purpose. test/non-finite.test.ts asserts the error it throws instead.
const DIVIDES_BY_ZERO = 'divides finite numbers by zero on purpose; the checked backend rejects an Inf made from finite inputs (test/non-finite.test.ts asserts that error)';

// Model cases run the delegate's kernels through this backend's node-by-node interpreter. The
// small models (LeNet-5, CIFAR ResNet-20/32/56, TextCNN, ResNet-18) cover every op the zoo uses;
// the 64x64 VGGs and the deep 224x224 ResNets add ~60 s of CI on two cores and only repeat the
// same kernels, which the cpu backend's own suite runs in full.
const SMALL_MODELS = new Set(['model:lenet5', 'model:resnet20', 'model:resnet32', 'model:resnet56', 'model:textCnn', 'model:resnet18']);
const LARGE_MODEL = 'same kernels as the small models, ~60 s of CI in total on two cores; the cpu backend this delegates to runs it in its own suite';

runConformance({
  create: () => createBackend(),
  expectDevice: 'cpu',
  skip: {
    cases: {
      'div/hand/one-element-divisor': DIVIDES_BY_ZERO,
      'div/pytorch/float-by-zero': DIVIDES_BY_ZERO,
      ...Object.fromEntries(MODEL_CASES.filter((c) => !SMALL_MODELS.has(c.subject)).map((c) => [c.id, LARGE_MODEL])),
    },
  },
});
