import { binaryKernel } from './binary-kernel';

/** a * b; int32 wraps around on overflow (two's complement, as PyTorch's int32 does). */
export const mulKernel = binaryKernel('mul', {
  float32(n, a, ai, sa, b, bi, sb, out, oi) {
    for (let i = 0; i < n; i++) out[oi + i] = a[ai + i * sa]! * b[bi + i * sb]!;
  },
  // Math.imul, not *: a double product of two int32s can pass 2^53 and lose the low bits.
  int32(n, a, ai, sa, b, bi, sb, out, oi) {
    for (let i = 0; i < n; i++) out[oi + i] = Math.imul(a[ai + i * sa]!, b[bi + i * sb]!);
  },
});
