import { ORT_DIRECT, TORCH, findResult, rawEngineFor, rawTfjsLabel } from './lookup';
import type { BenchCell, BenchReport, CellMeasurement } from './results';
import { ratio } from './stats';

/** Milliseconds with sensible precision: 0.123, 12.3, 1234. */
export function formatMs(v: number): string {
  if (v < 1) return v.toFixed(3);
  if (v < 100) return v.toFixed(1);
  return v.toFixed(0);
}

export function formatRatio(v: number | undefined): string {
  return v === undefined ? '—' : `${v.toFixed(2)}×`;
}

export function formatMiB(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${(bytes / (1 << 20)).toFixed(0)} MiB`;
}

/** A Markdown table; `|` inside a cell is escaped so a reason with a pipe cannot break the row. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function timing(r: CellMeasurement): string[] {
  return [formatMs(r.medianMs), `${formatMs(r.p10Ms)}–${formatMs(r.p90Ms)}`, r.warmupKept ? '1 (warm-up)' : `${r.runs}${r.runsPerSample ? ` × ${r.runsPerSample}` : ''}${r.truncated ? '*' : ''}`];
}

function cellRow(cell: BenchCell, cells: readonly BenchCell[]): string[] {
  const head = [cell.model, String(cell.batch), cell.runner.label];
  if (!cell.result) return [...head, cell.missing ?? 'not measured', '', '', '', '—', '—', '—'];
  const r = cell.result;
  const memory = r.memory ? formatMiB(Math.max(r.memory.rssBytes, 0)) : '—';
  if (cell.runner.kind !== 'cnnkit') return [...head, ...timing(r), memory, '', '', ''];
  const vs = (label: string): string => formatRatio(ratio(r.medianMs, findResult(cells, cell.model, cell.batch, label)?.medianMs));
  const engine = rawEngineFor(cell.runner.engine);
  const raw = vs(rawTfjsLabel(engine));
  return [...head, ...timing(r), memory, vs(ORT_DIRECT), vs(TORCH), raw === '—' ? raw : `${raw} (${engine})`];
}

/** The whole report as Markdown: machine, settings, inference table with ratios, training, targets. */
export function reportToMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [
    `Machine: ${m.cpu}, ${m.logicalCores} logical cores, ${m.memoryGiB.toFixed(0)} GiB, ${m.platform}, Node ${m.node}`,
    '',
    `Versions: ${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    `Threads: ${m.threads}`,
    '',
    `Date: ${report.date}. Command: \`${report.command}\`. Warm-up ${report.settings.warmup} runs${report.settings.warmupSeconds ? ` and at least ${report.settings.warmupSeconds} s` : ''} per runner, up to ${report.settings.repeats} timed samples a cell, stopping after ${report.settings.cellSeconds} s (* = stopped by that budget; '1 (warm-up)' = a first run over ${3 * report.settings.cellSeconds} s kept as the only sample, first-run costs included).${report.settings.minSampleMs ? ` A sample is one run, or for runs under ${report.settings.minSampleMs} ms the mean of back-to-back runs taking at least that long ('20 × 40': 20 samples of 40 runs each), for every runner alike, PyTorch included.` : ''}`,
    '',
    '### Inference (one batch: upload input, run, read the output back)',
    '',
    'Ratios are cnnkit\'s median over the alternative\'s (below 1× = cnnkit faster). Every runner is warmed up once per model before timing; each cnnkit runner\'s timed runs alternate with those of the alternative it is compared with (ORT direct; raw tfjs on its engine; raw tfjs on wasm for cnnkit cpu). Peak RSS Δ: growth of the process\'s resident memory during the cell\'s compile and warm-up.',
    '',
    markdownTable(
      ['model', 'batch', 'runner', 'median ms', 'p10–p90 ms', 'runs', 'peak RSS Δ', '× ORT on PyTorch export', '× PyTorch', '× raw tfjs (engine)'],
      report.cells.map((c) => cellRow(c, report.cells)),
    ),
  ];
  if (report.training.length > 0) {
    const torch = report.training.find((t) => t.runner === TORCH)?.samplesPerSecond;
    out.push('', '### Training: LeNet-5 on real MNIST, batch 64, Adam', '', markdownTable(
      ['runner', 'samples/s', 'epoch (60,000) s', 'steps timed', '× PyTorch epoch time'],
      report.training.map((t) => t.samplesPerSecond
        ? [t.runner, t.samplesPerSecond.toFixed(0), (60_000 / t.samplesPerSecond).toFixed(1), String(t.steps ?? ''), t.runner === TORCH ? '' : formatRatio(ratio(torch, t.samplesPerSecond))]
        : [t.runner, t.missing ?? 'not measured', '', '', '']),
    ));
  }
  if (report.targets.length > 0) {
    out.push('', '### Issue 8 targets in this run', '', markdownTable(
      ['target', 'met', 'measured'],
      report.targets.map((t) => [t.target, t.met === undefined ? 'not measured' : t.met ? 'yes' : 'no', t.detail]),
    ));
  }
  if (report.unavailable.length > 0) {
    out.push('', '### Not available in this run', '', ...report.unavailable.map((u) => `- ${u.runner}: ${u.reason}`));
  }
  return `${out.join('\n')}\n`;
}
