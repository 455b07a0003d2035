import { type Callback, type EpochLogs, type TrainingContext, writeFileAtomic } from '@cnnkit/core';

/** One line of a chart: a label, a colour, and a value per epoch (1-based epochs). */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: readonly (readonly [epoch: number, value: number])[];
}

export interface Chart {
  readonly title: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

/** Geometry of one chart, in SVG user units. */
const WIDTH = 480;
const HEIGHT = 300;
const PLOT = { left: 64, right: 464, top: 36, bottom: 252 } as const;

/** "Nice" tick values (1, 2, 5 × 10^k steps) covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    return niceTicks(lo - pad, hi + pad, count);
  }
  const raw = (hi - lo) / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < hi) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

/** Epoch ticks: every epoch up to 10, else about ten whole steps. */
function epochTicks(last: number): number[] {
  const step = last <= 10 ? 1 : Math.ceil(last / 10);
  const ticks: number[] = [];
  for (let e = 1; e <= last; e += step) ticks.push(e);
  if (ticks[ticks.length - 1] !== last) ticks.push(last);
  return ticks;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number): string => String(Number(v.toFixed(2)));
const tickText = (v: number): string => String(Number(v.toPrecision(6)));

/** One chart as an inline SVG: axes with ticks and labels, a polyline per series, a legend. */
export function chartSvg(chart: Chart): string {
  const all = chart.series.flatMap((s) => s.points);
  const lastEpoch = Math.max(1, ...all.map(([e]) => e));
  const values = all.map(([, v]) => v).filter(Number.isFinite);
  const yTicks = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1);
  const xTicks = epochTicks(lastEpoch);
  const [y0, y1] = [yTicks[0]!, yTicks[yTicks.length - 1]!];
  // A single epoch still spans the axis: the domain is [1, max(2, last)].
  const [x0, x1] = [1, Math.max(2, lastEpoch)];
  const sx = (e: number): number => PLOT.left + ((e - x0) / (x1 - x0)) * (PLOT.right - PLOT.left);
  const sy = (v: number): number => PLOT.bottom - ((v - y0) / (y1 - y0)) * (PLOT.bottom - PLOT.top);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escape(chart.title)}">`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" class="title">${escape(chart.title)}</text>`,
    `<line class="axis" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}"/>`,
    `<line class="axis" x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}"/>`,
  ];
  for (const t of yTicks) {
    const y = num(sy(t));
    parts.push(`<line class="grid" x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}"/>`);
    parts.push(`<text class="ytick" x="${PLOT.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" data-value="${t}">${tickText(t)}</text>`);
  }
  for (const t of xTicks) {
    const x = num(sx(t));
    parts.push(`<line class="tick" x1="${x}" y1="${PLOT.bottom}" x2="${x}" y2="${PLOT.bottom + 5}"/>`);
    parts.push(`<text class="xtick" x="${x}" y="${PLOT.bottom + 18}" text-anchor="middle" data-value="${t}">${t}</text>`);
  }
  parts.push(`<text class="label" x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 6}" text-anchor="middle">epoch</text>`);
  parts.push(`<text class="label" x="14" y="${(PLOT.top + PLOT.bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(PLOT.top + PLOT.bottom) / 2})">${escape(chart.yLabel)}</text>`);
  chart.series.forEach((s, i) => {
    const points = s.points.filter(([, v]) => Number.isFinite(v));
    const coords = points.map(([e, v]) => `${num(sx(e))},${num(sy(v))}`).join(' ');
    parts.push(`<polyline class="series" data-label="${escape(s.label)}" fill="none" stroke="${s.color}" stroke-width="2" points="${coords}"/>`);
    for (const [e, v] of points) parts.push(`<circle cx="${num(sx(e))}" cy="${num(sy(v))}" r="3" fill="${s.color}"><title>${escape(s.label)} epoch ${e}: ${tickText(v)}</title></circle>`);
    const ly = PLOT.top + 4 + i * 16;
    parts.push(`<line x1="${PLOT.right - 110}" y1="${ly}" x2="${PLOT.right - 92}" y2="${ly}" stroke="${s.color}" stroke-width="2"/>`);
    parts.push(`<text class="legend" x="${PLOT.right - 88}" y="${ly}" dominant-baseline="middle">${escape(s.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

const TRAIN_COLOR = '#1f77b4';
const VAL_COLOR = '#ff7f0e';

/** Loss and accuracy charts, train vs validation, from fit()'s epoch logs. */
export function trainingCharts(history: readonly EpochLogs[]): Chart[] {
  const seriesOf = (key: string, label: string, color: string): Series[] => {
    const points = history.filter((h) => typeof h[key] === 'number').map((h) => [h.epoch + 1, h[key]!] as const);
    return points.length ? [{ label, color, points }] : [];
  };
  return [
    { title: 'Loss', yLabel: 'cross-entropy loss', series: [...seriesOf('loss', 'train', TRAIN_COLOR), ...seriesOf('val_loss', 'validation', VAL_COLOR)] },
    { title: 'Accuracy', yLabel: 'accuracy', series: [...seriesOf('accuracy', 'train', TRAIN_COLOR), ...seriesOf('val_accuracy', 'validation', VAL_COLOR)] },
  ];
}

/** A self-contained page (inline SVG and CSS, no scripts, nothing fetched) with the training curves. */
export function curvesHtml(title: string, history: readonly EpochLogs[]): string {
  const charts = trainingCharts(history).filter((c) => c.series.length > 0);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escape(title)}</title>`,
    '<style>',
    'body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }',
    '.charts { display: flex; flex-wrap: wrap; gap: 1rem; }',
    'svg text { font-size: 11px; fill: #333; } svg .title { font-size: 14px; font-weight: 600; }',
    'svg .axis, svg .tick { stroke: #333; } svg .grid { stroke: #e5e5e5; }',
    '</style>',
    '</head>',
    '<body>',
    `<h1>${escape(title)}</h1>`,
    `<p>${history.length} epoch${history.length === 1 ? '' : 's'}; rewritten after every epoch.</p>`,
    '<div class="charts">',
    ...charts.map(chartSvg),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** fit() callback rewriting curves.html atomically after every epoch (a viewer never sees half a file). */
export class CurvesHtml implements Callback {
  constructor(readonly file: string, readonly title: string) {}

  async onEpochEnd(_epoch: number, _logs: EpochLogs, ctx: TrainingContext): Promise<void> {
    await writeFileAtomic(this.file, curvesHtml(this.title, ctx.history));
  }
}
