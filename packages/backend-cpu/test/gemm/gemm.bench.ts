// Reference vs WebAssembly SIMD GEMM on a square product and LeNet-5 / ResNet-18 convolution
// products (weights · im2col). Run: cd packages/backend-cpu && npx vitest bench test/gemm/gemm.bench.ts
// GFLOP/s = 2·m·n·k · (ops/s) / 1e9; vitest prints which is faster and by how much.
import { bench, describe } from 'vitest';
import { randomF32, seeded } from '../../src/kernels/kernel-test-data';
import { referenceGemm } from '../../src/gemm/reference-gemm';
import { wasmGemm } from '../../src/gemm/wasm/wasm-gemm';

const SHAPES: readonly (readonly [string, number, number, number])[] = [
  ['square', 256, 256, 256],
  ['LeNet-5 conv1', 6, 576, 25],
  ['LeNet-5 conv2', 16, 64, 150],
  ['ResNet-18 conv1', 64, 12544, 147],
  ['ResNet-18 layer1 3×3', 64, 3136, 576],
  ['ResNet-18 layer3 3×3', 256, 196, 2304],
  ['ResNet-18 layer4 3×3', 512, 49, 4608],
];

for (const [name, m, n, k] of SHAPES) {
  describe(`${name}: ${m}×${n}×${k} (${((2 * m * n * k) / 1e6).toFixed(1)} MFLOP)`, () => {
    const random = seeded(m * n + k);
    const a = randomF32(random, m * k), b = randomF32(random, k * n), c = new Float32Array(m * n);
    bench('reference', () => referenceGemm(m, n, k, a, 0, k, false, b, 0, n, false, c, 0, n, 0), { time: 1000 });
    bench('wasm-simd', () => wasmGemm(m, n, k, a, 0, k, false, b, 0, n, false, c, 0, n, 0), { time: 1000 });
  });
}
