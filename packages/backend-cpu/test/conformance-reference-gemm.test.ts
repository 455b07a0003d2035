import path from 'node:path';
import { runConformance } from '@cnnkit/conformance/vitest';
import { createBackend } from '../src';

// The cpu backend's matrix multiplies run in WebAssembly SIMD by default (conformance.test.ts
// covers that path in full). The plain TypeScript GEMM stays as the reference implementation:
// every case whose op multiplies matrices — convolutions and their gradients, linear, matmul —
// runs here on it too, so both paths answer to the same PyTorch goldens and hand-worked values.
const GEMM_OPS: ReadonlySet<string> = new Set([
  'conv1d', 'conv2d', 'linear', 'matmul',
  'conv1dBackwardInput', 'conv1dBackwardFilter', 'conv2dBackwardInput', 'conv2dBackwardFilter',
]);

runConformance({
  create: () => createBackend({ gemm: 'reference' }),
  expectDevice: 'cpu',
  filter: (c) => 'op' in c && GEMM_OPS.has(c.op),
  // Two levels down: docs/coverage.md is combined from conformance-report/<backend>/ reports only.
  reportDir: path.join(process.cwd(), 'conformance-report', 'paths', 'cpu-reference-gemm'),
});
