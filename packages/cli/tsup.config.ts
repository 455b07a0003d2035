import { defineConfig } from 'tsup';

// One build for the library and the executable (two parallel configs would race on `clean`).
// src/bin.ts starts with the `#!/usr/bin/env node` line, which esbuild keeps and tsup marks executable.
export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
