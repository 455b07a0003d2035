import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@cnnkit/core';
import { type SuiteReport, reportToJson, reportToMarkdown, writeReport } from '@cnnkit/conformance';

/** Where `--report` puts the two files: FILE.md / FILE.json name the pair, anything else is a folder. */
export function reportPaths(target: string): { readonly markdown: string; readonly json: string } | undefined {
  const ext = path.extname(target).toLowerCase();
  if (ext !== '.md' && ext !== '.json') return undefined;
  const stem = target.slice(0, target.length - ext.length);
  return { markdown: `${stem}.md`, json: `${stem}.json` };
}

/** Writes the Markdown and JSON report; returns the two paths written. */
export async function writeReportFiles(report: SuiteReport, target: string): Promise<{ readonly markdown: string; readonly json: string }> {
  const pair = reportPaths(target);
  if (!pair) return writeReport(report, target); // coverage.md + coverage.json inside the folder
  await mkdir(path.dirname(path.resolve(pair.markdown)), { recursive: true });
  await writeFileAtomic(pair.markdown, reportToMarkdown(report));
  await writeFileAtomic(pair.json, reportToJson(report));
  return pair;
}
