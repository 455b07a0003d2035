import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import { gemm, gemmImplementation } from '../../src/gemm/gemm';

describe("cpu backend's gemm option", () => {
  it('defaults to the WebAssembly SIMD GEMM on Node 20, which validates wasm SIMD, and says so in info()', async () => {
    const backend = createBackend();
    expect(backend.gemm).toBe('wasm-simd');
    expect(gemmImplementation()).toBe('wasm-simd');
    expect((await backend.info()).description).toMatch(/WebAssembly SIMD \(gemm: wasm-simd\)/);
  });

  it("selects the reference GEMM with { gemm: 'reference' } and back, process-wide", async () => {
    const reference = createBackend({ gemm: 'reference' });
    expect(gemmImplementation()).toBe('reference');
    expect((await reference.info()).description).toMatch(/plain TypeScript \(gemm: reference\)/);
    // The chosen implementation runs: a 4×4 product with an exact answer either way.
    const c = new Float32Array(16);
    gemm(4, 4, 1, Float32Array.of(1, 2, 3, 4), 0, 1, false, Float32Array.of(1, 10, 100, 1000), 0, 4, false, c, 0, 4, 0);
    expect([...c.subarray(4, 8)]).toEqual([2, 20, 200, 2000]);
    createBackend({ gemm: 'wasm-simd' });
    expect(gemmImplementation()).toBe('wasm-simd');
  });

  it('refuses an unknown gemm, naming what was given and the choices', () => {
    expect(() => createBackend({ gemm: 'blas' as never })).toThrow(/given gemm "blas"; expected one of 'wasm-simd', 'reference'/);
  });
});
