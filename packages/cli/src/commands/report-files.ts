import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type SuiteReport, reportToJson, reportToMarkdown, writeReport } from '@cnnkit/conformance';

/** Where `--report` puts the two files: FILE.md / FILE.json name the pair, anything else is a folder. */
export function reportPaths(target: string): { readonly markdown: string; readonly json: string } | undefined {
  const ext = path.extname(target).toLowerCase();
  if (ext !== '.md' && ext !== '.json') return undefined;
  const stem = target.slice(0, target.length - ext.length);
  return { markdown: `${stem}.md`, json: `${stem}.json` };
}

/** Temp file in the same folder, then rename: a reader never sees half a report. */
async function writeAtomic(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes the Markdown and JSON report; returns the two paths written. */
export async function writeReportFiles(report: SuiteReport, target: string): Promise<{ readonly markdown: string; readonly json: string }> {
  const pair = reportPaths(target);
  if (!pair) return writeReport(report, target); // coverage.md + coverage.json inside the folder
  await mkdir(path.dirname(path.resolve(pair.markdown)), { recursive: true });
  await writeAtomic(pair.markdown, reportToMarkdown(report));
  await writeAtomic(pair.json, reportToJson(report));
  return pair;
}
