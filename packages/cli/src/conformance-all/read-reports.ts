import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { type SuiteReport, parseSuiteReport } from '@cnnkit/conformance';
import { UsageError } from '../args';

/** The coverage.json files in `dir` itself or one level down (conformance-report/<backend>/coverage.json), sorted. */
async function reportFilesIn(dir: string): Promise<string[]> {
  const isFile = (p: string) => stat(p).then((s) => s.isFile(), () => false);
  const own = path.join(dir, 'coverage.json');
  if (await isFile(own)) return [own];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) throw new UsageError(`--combine: folder '${dir}' does not exist; expected a conformance-report folder (a backend package's tests write <package>/conformance-report/<backend>/coverage.json)`, 'conformance');
  const found: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory()).map((x) => x.name).sort()) {
    const file = path.join(dir, e, 'coverage.json');
    if (await isFile(file)) found.push(file);
  }
  return found;
}

/** Every report under the given folders, each backend once (two reports of one backend are refused). */
export async function readReports(dirs: readonly string[]): Promise<SuiteReport[]> {
  const byBackend = new Map<string, string>();
  const reports: SuiteReport[] = [];
  for (const dir of dirs) {
    const files = await reportFilesIn(dir);
    if (files.length === 0) {
      throw new UsageError(`--combine: no coverage.json in '${dir}' or its subfolders; run that backend's conformance tests first (npx -y pnpm@10 test)`, 'conformance');
    }
    for (const file of files) {
      const report = parseSuiteReport(await readFile(file, 'utf8'), file);
      const earlier = byBackend.get(report.backend.name);
      if (earlier !== undefined) throw new UsageError(`--combine: backend '${report.backend.name}' has two reports, ${earlier} and ${file}; expected one per backend`, 'conformance');
      byBackend.set(report.backend.name, file);
      reports.push(report);
    }
  }
  return reports;
}
