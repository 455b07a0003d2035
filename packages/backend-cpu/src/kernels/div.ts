import { CnnkitError } from '@cnnkit/core';
import { binaryKernel } from './binary-kernel';

/**
 * a / b. float32 follows IEEE (x / 0 is ±Infinity, 0 / 0 is NaN), as PyTorch does.
 * int32 truncates toward zero (C, torch.div(rounding_mode='trunc')); dividing by an int32 zero
 * throws, as PyTorch's "ZeroDivisionError" does on CPU, rather than inventing a value.
 */
export const divKernel = binaryKernel('div', {
  float32(n, a, ai, sa, b, bi, sb, out, oi) {
    for (let i = 0; i < n; i++) out[oi + i] = a[ai + i * sa]! / b[bi + i * sb]!;
  },
  // The double quotient of two int32s never rounds across an integer, so trunc is exact;
  // -2^31 / -1 = 2^31 wraps to -2^31 on store, as in two's complement hardware.
  int32(n, a, ai, sa, b, bi, sb, out, oi) {
    for (let i = 0; i < n; i++) out[oi + i] = Math.trunc(a[ai + i * sa]! / b[bi + i * sb]!);
  },
  checkInt32Divisor(b) {
    const at = b.indexOf(0);
    if (at >= 0) {
      throw new CnnkitError('INVALID_ARGUMENT', `div: int32 division by zero (divisor 'b' holds 0 at flat index ${at}); expected every int32 divisor non-zero`, { index: at });
    }
  },
});
