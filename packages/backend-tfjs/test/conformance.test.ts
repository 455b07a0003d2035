import { runConformance } from '@cnnkit/conformance/vitest';
import { createBackend } from '../src';

// One call per engine; the backends are named tfjs-cpu and tfjs-wasm, so each writes its own
// coverage matrix under conformance-report/<name>.
runConformance({ create: () => createBackend({ engine: 'cpu' }), expectDevice: 'cpu' });
runConformance({ create: () => createBackend({ engine: 'wasm' }), expectDevice: 'wasm' });
