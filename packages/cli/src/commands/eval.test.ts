import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend as createOrtBackend } from '@cnnkit/backend-onnxruntime';
import { classificationReport, confusionMatrix, registerBackend } from '@cnnkit/core';
import { loadMnist } from '@cnnkit/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';
import { formatEvaluation } from '../training/format-evaluation';

useCpuFromSource();
registerBackend('onnxruntime', (options) => createOrtBackend(options));

const dir = mkdtempSync(path.join(tmpdir(), 'cnnkit-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = path.join(dir, 'lenet5');
// The training run validates on the first 512 test digits: eval on the same ones must agree with it.
const LIMIT = 512;

beforeAll(async () => {
  const r = await runCli('train', '--dataset', 'mnist', '--limit', '512', '--epochs', '1', '--batch-size', '32', '--lr', '3e-3', '--seed', '3', '--progress', 'lines', '--backend', 'cpu', '--out', run);
  expect(r.stderr).toBe('');
}, 60_000);

interface EvalJson {
  accuracy: number;
  count: number;
  confusion_matrix: number[][];
  classes: { name: string; precision: number; recall: number; f1: number; support: number }[];
}

/** The confusion matrix as printed: rows after the heading, class name first, row total last. */
function printedMatrix(stdout: string): { rows: number[][]; totals: number[] } {
  const lines = stdout.split('\n');
  const start = lines.indexOf('confusion matrix (rows: true class, columns: predicted):');
  const body = lines.slice(start + 2, start + 12).map((l) => l.trim().split(/\s+/).map(Number));
  return { rows: body.map((cells) => cells.slice(1, 11)), totals: body.map((cells) => cells[11]!) };
}

describe('cnnkit eval', () => {
  it('prints accuracy, the per-class table and a confusion matrix whose rows are the class counts', async () => {
    const json = path.join(dir, 'cpu.json');
    const r = await runCli('eval', '--run', run, '--limit', String(LIMIT), '--backend', 'cpu', '--json', json);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('data: the mnist test split (512 samples), normalised with mean 0.1307 std 0.3081');
    const { labels } = await loadMnist('test', { limit: LIMIT });
    const counts = Array.from({ length: 10 }, (_, c) => labels.filter((y) => y === c).length);
    const { rows, totals } = printedMatrix(r.stdout);
    expect(rows.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(counts);
    expect(totals).toEqual(counts);
    // Accuracy is the matrix's trace over the count.
    const trace = rows.reduce((s, row, i) => s + row[i]!, 0);
    expect(r.stdout).toContain(`accuracy: ${((trace / LIMIT) * 100).toFixed(2)}% (${trace} of ${LIMIT})`);
    expect(trace / LIMIT).toBeGreaterThan(0.3); // one epoch of 16 steps: well above chance (0.1)
    // fit()'s eager validation on the same digits saw the same accuracy.
    const info = JSON.parse(await readFile(path.join(run, 'run.json'), 'utf8')) as { final: { val_accuracy: number } };
    expect(trace / LIMIT).toBeCloseTo(info.final.val_accuracy, 12);
    const metrics = JSON.parse(await readFile(json, 'utf8')) as EvalJson;
    expect(metrics.confusion_matrix).toEqual(rows);
    expect(metrics.accuracy).toBeCloseTo(trace / LIMIT, 12);
    expect(metrics.classes.map((c) => c.support)).toEqual(counts);
    expect(r.stdout).toMatch(/^time: 2 batches, [\d.]+ ms per batch$/m);
  }, 30_000);

  it('on onnxruntime, the cpu-trained model predicts the same classes', async () => {
    const json = path.join(dir, 'ort.json');
    const r = await runCli('eval', '--run', run, '--limit', String(LIMIT), '--backend', 'onnxruntime', '--device', 'cpu', '--json', json);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^backend onnxruntime on cpu: /);
    const cpu = JSON.parse(await readFile(path.join(dir, 'cpu.json'), 'utf8')) as EvalJson;
    const ort = JSON.parse(await readFile(json, 'utf8')) as EvalJson;
    expect(ort.confusion_matrix).toEqual(cpu.confusion_matrix);
    expect(ort.accuracy).toBe(cpu.accuracy);
  }, 30_000);

  it('--model, --weights and --dataset evaluate without a run directory', async () => {
    const r = await runCli('eval', '--model', 'lenet5', '--weights', path.join(run, 'model.safetensors'), '--dataset', 'mnist', '--limit', String(LIMIT), '--backend', 'cpu');
    expect(r.code).toBe(0);
    const cpu = JSON.parse(await readFile(path.join(dir, 'cpu.json'), 'utf8')) as EvalJson;
    expect(printedMatrix(r.stdout).rows).toEqual(cpu.confusion_matrix);
  }, 30_000);

  it('a missing run directory is an error naming the file', async () => {
    const r = await runCli('eval', '--run', path.join(dir, 'nope'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read '${path.join(dir, 'nope', 'run.json')}'`);
  });
});

describe('formatEvaluation', () => {
  it('matches sklearn classification_report numbers worked by hand on six predictions', () => {
    // y_true = [a, a, a, b, b, c], y_pred = [a, a, b, b, c, c]
    const truth = Int32Array.from([0, 0, 0, 1, 1, 2]);
    const predicted = Int32Array.from([0, 0, 1, 1, 2, 2]);
    const confusion = confusionMatrix(predicted, truth, 3);
    const lines = formatEvaluation({ count: 6, classes: ['a', 'b', 'c'], accuracy: 4 / 6, confusion, report: classificationReport(confusion), batches: 1, msPerBatch: 0.5 });
    const row = (name: string): string[] => lines.find((l) => l.trim().startsWith(`${name} `))!.trim().split(/\s+/).slice(name.split(' ').length);
    expect(lines[0]).toBe('accuracy: 66.67% (4 of 6)');
    // a: tp 2, fp 0, fn 1 -> precision 1, recall 2/3, f1 0.8; b: tp 1, fp 1, fn 1 -> 0.5 / 0.5 / 0.5; c: tp 1, fp 1, fn 0 -> 0.5 / 1 / 2/3.
    expect(row('a')).toEqual(['1.0000', '0.6667', '0.8000', '3']);
    expect(row('b')).toEqual(['0.5000', '0.5000', '0.5000', '2']);
    expect(row('c')).toEqual(['0.5000', '1.0000', '0.6667', '1']);
    // macro: means of the columns; weighted: by support 3, 2, 1.
    expect(row('macro avg')).toEqual(['0.6667', '0.7222', '0.6556', '6']);
    expect(row('weighted avg')).toEqual(['0.7500', '0.6667', '0.6778', '6']);
    const matrix = lines.slice(lines.indexOf('confusion matrix (rows: true class, columns: predicted):') + 1);
    expect(matrix.map((l) => l.trim().split(/\s+/))).toEqual([['a', 'b', 'c', 'total'], ['a', '2', '1', '0', '3'], ['b', '0', '1', '1', '2'], ['c', '0', '0', '1', '1']]);
  });
});
