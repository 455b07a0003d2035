import { runConformance } from '@cnnkit/conformance/vitest';
import { createBackend } from '../src';

// tfjs's cpu engine runs convolutions in plain JavaScript loops (about 0.15 GFLOP/s here): the
// deepest ResNets at 224×224 take 45–80 s in one synchronous stretch, past the case timeout and
// long enough to starve vitest's worker RPC. Their kernels are the ones ResNet-18/34/50 at 224
// already run on this engine, and both models pass on the wasm engine.
const SLOW_ON_CPU_ENGINE = "tfjs's cpu engine (plain-JS convolutions) needs 45-80 s for this model at 224x224, past the case timeout; ResNet-18/34/50 at 224 cover the same kernels here, and the wasm engine runs this model";

// One call per engine; the backends are named tfjs-cpu and tfjs-wasm, so each writes its own
// coverage matrix under conformance-report/<name>.
runConformance({
  create: () => createBackend({ engine: 'cpu' }),
  expectDevice: 'cpu',
  skip: { cases: { 'model:resnet101/pytorch/224x224': SLOW_ON_CPU_ENGINE, 'model:resnet152/pytorch/224x224': SLOW_ON_CPU_ENGINE } },
});
runConformance({ create: () => createBackend({ engine: 'wasm' }), expectDevice: 'wasm' });
