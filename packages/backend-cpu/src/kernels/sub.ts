import { binaryKernel } from './binary-kernel';

/** a - b; int32 wraps around on overflow (two's complement, as PyTorch's int32 does). */
export const subKernel = binaryKernel('sub', {
  float32(n, a, ai, sa, b, bi, sb, out, oi) {
    for (let i = 0; i < n; i++) out[oi + i] = a[ai + i * sa]! - b[bi + i * sb]!;
  },
  // The exact double difference is stored into an Int32Array, which wraps it modulo 2^32.
  int32(n, a, ai, sa, b, bi, sb, out, oi) {
    for (let i = 0; i < n; i++) out[oi + i] = a[ai + i * sa]! - b[bi + i * sb]!;
  },
});
