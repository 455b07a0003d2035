import type { EpochLogs } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { curvesHtml, niceTicks } from './curves-html';

const history: EpochLogs[] = [
  { epoch: 0, loss: 0.92, accuracy: 0.71, val_loss: 0.41, val_accuracy: 0.875, lr: 1e-3 },
  { epoch: 1, loss: 0.35, accuracy: 0.89, val_loss: 0.28, val_accuracy: 0.915, lr: 1e-3 },
  { epoch: 2, loss: 0.21, accuracy: 0.94, val_loss: 0.24, val_accuracy: 0.93, lr: 1e-3 },
] as EpochLogs[];

const attr = (tag: string, name: string): string => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)![1]!;

/** Reads a chart back: its tick labels give the axis scales, which turn the polyline points back into values. */
function readChart(svg: string): Record<string, [number, number][]> {
  const ticks = (cls: string, coord: 'x' | 'y'): [number, number][] =>
    [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>`, 'g'))].map((m) => [Number(attr(m[0], coord)), Number(attr(m[0], 'data-value'))]);
  const scale = (t: [number, number][]) => {
    const [[p0, v0], [p1, v1]] = [t[0]!, t[t.length - 1]!];
    return (p: number): number => v0 + ((p - p0) / (p1 - p0)) * (v1 - v0);
  };
  const xs = ticks('xtick', 'x');
  const fx = scale(xs);
  const fy = scale(ticks('ytick', 'y'));
  const out: Record<string, [number, number][]> = {};
  for (const m of svg.matchAll(/<polyline [^>]*>/g)) {
    out[attr(m[0], 'data-label')] = attr(m[0], 'points').split(' ').map((pair) => {
      const [x, y] = pair.split(',').map(Number) as [number, number];
      return [fx(x), fy(y)];
    });
  }
  return out;
}

describe('curves.html', () => {
  const html = curvesHtml('lenet5 training curves', history);
  const charts = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);

  it('is one self-contained page: inline SVG, no scripts, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    expect(charts).toHaveLength(2);
    expect(charts[0]).toContain('>Loss</text>');
    expect(charts[1]).toContain('>Accuracy</text>');
    expect(charts[0]).toContain('>epoch</text>');
    expect(charts[1]).toContain('>accuracy</text>');
  });

  it('the plotted points read back (through the axis ticks) as the epoch values, train and validation', () => {
    const loss = readChart(charts[0]!);
    const accuracy = readChart(charts[1]!);
    const expectSeries = (actual: [number, number][] | undefined, key: string): void => {
      expect(actual, key).toHaveLength(history.length);
      actual!.forEach(([epoch, value], i) => {
        expect(epoch).toBeCloseTo(i + 1, 1);
        // Coordinates are written with 2 decimals over a ~200-unit axis: values come back within 1e-3 of the range.
        expect(Math.abs(value - history[i]![key]!), `${key} epoch ${i + 1}`).toBeLessThan(2e-3);
      });
    };
    expectSeries(loss['train'], 'loss');
    expectSeries(loss['validation'], 'val_loss');
    expectSeries(accuracy['train'], 'accuracy');
    expectSeries(accuracy['validation'], 'val_accuracy');
  });

  it('ticks are round numbers covering the values', () => {
    expect(niceTicks(0.21, 0.92)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.71, 0.94)).toEqual([0.7, 0.8, 0.9, 1]);
    expect(niceTicks(0, 2.3)).toEqual([0, 1, 2, 3]);
    const flat = niceTicks(0.5, 0.5);
    expect(flat[0]).toBeLessThan(0.5);
    expect(flat[flat.length - 1]).toBeGreaterThan(0.5);
  });
});
