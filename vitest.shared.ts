// Tests import sibling packages from their sources, so a change in core is seen by every
// package's tests without a rebuild; the published entry points are exercised by the CLI tests.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));

export function packageTestConfig(overrides: UserConfig['test'] = {}): UserConfig {
  return defineConfig({
    resolve: {
      alias: [
        { find: /^@cnnkit\/([a-z-]+)$/, replacement: `${packagesDir}$1/src/index.ts` },
        // Subpath entries ('@cnnkit/conformance/vitest') map to the source file of that name.
        { find: /^@cnnkit\/([a-z-]+)\/([a-z-]+)$/, replacement: `${packagesDir}$1/src/$2.ts` },
      ],
    },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 60_000,
      ...overrides,
    },
  });
}
