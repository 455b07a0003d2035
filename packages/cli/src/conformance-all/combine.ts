import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@cnnkit/core';
import { type CombinedColumn, combinedCoverageMarkdown } from '@cnnkit/conformance';
import type { CliIo } from '../io';

/** Writes the combined matrix to `out` (atomically; its folder created), or prints it when no file is given. */
export async function emitCombined(columns: readonly CombinedColumn[], command: string, source: string, out: string | undefined, io: CliIo): Promise<void> {
  const markdown = combinedCoverageMarkdown(columns, { command, source });
  if (out === undefined) {
    io.out(markdown.trimEnd());
    return;
  }
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFileAtomic(out, markdown);
  io.out(`coverage matrix: ${out} (${columns.length} backends)`);
}

/** The line under the title saying where a matrix built from test reports came from. */
export const FROM_TEST_REPORTS =
  "Built from the JSON reports the backends' conformance test files write (`conformance-report/<backend>/coverage.json`), so each backend's skips are the ones its test file declares, with their reasons.";

/** The same line for `--all`, which runs every backend with no declared skips. */
export const FROM_ALL_RUN = 'Built by running the suite on every installed backend with no declared skips: cases a backend\'s capabilities exclude are skipped with that reason; everything else ran.';
