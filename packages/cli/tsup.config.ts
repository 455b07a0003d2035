import { defineConfig } from 'tsup';

// One build for the library and the executable (two parallel configs would race on `clean`).
// dist/bench-training.js is the program `cnnkit bench` measures training in, in a fresh process
// (src/bench/training-process.ts).
// src/bin.ts starts with the `#!/usr/bin/env node` line, which esbuild keeps and tsup marks executable.
export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts', 'bench-training': 'src/bench/training-process-main.ts' },
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
