// TEMPORARY until runConformance lands: runs every case through the cpu backend.
import { ALL_CASES, runCase } from '@cnnkit/conformance';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../src';

describe('cpu backend conformance (temporary loop)', () => {
  const backend = createBackend();
  for (const c of ALL_CASES) {
    it(c.id, async () => {
      const r = await runCase(backend, c);
      expect(r.reason ?? 'passed').toBe('passed');
    });
  }
});
