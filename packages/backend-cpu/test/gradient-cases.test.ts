// TEMPORARY: runs every gradient conformance case on the cpu backend until training-level cases
// are integrated into runSuite / runConformance (then this file goes away).
import { GRADIENT_CASES, runGradientCase } from '@cnnkit/conformance';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../src';

const backend = createBackend();

describe('gradient conformance cases (temporary loop, cpu)', () => {
  it('has cases', () => {
    expect(GRADIENT_CASES.length).toBeGreaterThan(0);
    expect(new Set(GRADIENT_CASES.map((c) => c.id)).size).toBe(GRADIENT_CASES.length);
  });
  for (const c of GRADIENT_CASES) {
    it(c.id, async () => {
      const result = await runGradientCase(backend, c);
      expect(result.reason ?? '').toBe('');
      expect(result.status).toBe('passed');
    });
  }
});
