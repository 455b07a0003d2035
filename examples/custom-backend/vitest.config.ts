// No aliases to the monorepo's sources: this package is tested the way an outside backend
// author tests theirs, against the built entry points of @cnnkit/core, @cnnkit/backend-cpu and
// @cnnkit/conformance/vitest (turbo builds them before this package's tests run).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
