import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sample-report';
import { reportToJson } from './report-json';
import { reportToMarkdown } from './report-markdown';
import { writeReport } from './write-report';

const made: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cnnkit-report-'));
  made.push(dir);
  return dir;
};
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

describe('reportToJson', () => {
  it('round-trips the report', () => {
    const report = sampleReport();
    expect(JSON.parse(reportToJson(report))).toEqual(report);
  });
});

describe('writeReport', () => {
  it('writes complete coverage.md and coverage.json into a new directory and leaves no temp file', async () => {
    const dir = path.join(await tempDir(), 'nested', 'fake');
    const report = sampleReport();
    const written = await writeReport(report, dir);
    expect(written).toEqual({ markdown: path.join(dir, 'coverage.md'), json: path.join(dir, 'coverage.json') });
    expect(await readFile(written.markdown, 'utf8')).toBe(reportToMarkdown(report));
    expect(JSON.parse(await readFile(written.json, 'utf8'))).toEqual(report);
    expect((await readdir(dir)).sort()).toEqual(['coverage.json', 'coverage.md']);
  });

  it('replaces an earlier report whole', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'coverage.json'), 'x'.repeat(100_000));
    const report = { ...sampleReport(), results: [] };
    await writeReport(report, dir);
    expect(JSON.parse(await readFile(path.join(dir, 'coverage.json'), 'utf8'))).toEqual(report);
  });
});
