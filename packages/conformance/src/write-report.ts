import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@cnnkit/core';
import type { SuiteReport } from './report';
import { reportToJson } from './report-json';
import { reportToMarkdown } from './report-markdown';

export interface WrittenReport {
  readonly markdown: string;
  readonly json: string;
}

/** Writes coverage.md and coverage.json into dir (created if missing), each atomically. */
export async function writeReport(report: SuiteReport, dir: string): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const markdown = path.join(dir, 'coverage.md');
  const json = path.join(dir, 'coverage.json');
  await writeFileAtomic(markdown, reportToMarkdown(report));
  await writeFileAtomic(json, reportToJson(report));
  return { markdown, json };
}
