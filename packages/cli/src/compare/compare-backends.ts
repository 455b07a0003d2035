import type { Backend, BackendInfo, Graph } from '@cnnkit/core';
import { argmaxRow, runBatch } from '../demo/classify';
import type { OpenedBackend } from './installed-backends';

/** A labelled test set, already preprocessed the way the model expects (normalised, NCHW). */
export interface TestSet {
  readonly images: Float32Array;
  readonly imageShape: readonly number[];
  readonly labels: Int32Array;
  readonly count: number;
}

export interface CompareOptions {
  readonly batchSize: number;
  /** Single-image runs timed for the batch-1 latency (default 50). */
  readonly singleRuns?: number;
}

export interface BackendRun {
  readonly label: string;
  readonly info: BackendInfo;
  readonly compileMs: number;
  readonly accuracy: number;
  /** Share of images whose top-1 class equals the reference backend's. */
  readonly agreement: number;
  /** Largest |logit − reference logit| over the whole test set, divided by the reference's largest |logit|. */
  readonly maxRelativeDiff: number;
  /** Median wall time of one batch of `batchSize` (run + read back), after a warm-up batch. */
  readonly medianBatchMs: number;
  readonly imagesPerSecond: number;
  /** Median wall time of one image alone. */
  readonly medianSingleMs: number;
}

export type ComparisonRow =
  | { readonly label: string; readonly run: BackendRun }
  | { readonly label: string; readonly unavailable: string }
  | { readonly label: string; readonly failed: string };

export interface Comparison {
  readonly reference: string;
  readonly batchSize: number;
  readonly rows: readonly ComparisonRow[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Logits {
  readonly values: Float32Array;
  readonly classes: number;
  readonly batchMs: number[];
  readonly singleMs: number[];
  readonly compileMs: number;
}

async function runAll(backend: Backend, graph: Graph, data: TestSet, o: CompareOptions): Promise<Logits> {
  const began = performance.now();
  const exe = await backend.compile(graph, { label: graph.name });
  const compileMs = performance.now() - began;
  try {
    // Warm-up: first runs pay for lazy initialisation (kernel compilation, session set-up).
    await runBatch(backend, exe, data.images, data.imageShape, 0, Math.min(o.batchSize, data.count));
    const batchMs: number[] = [];
    let values = new Float32Array(0);
    let classes = 0;
    for (let start = 0; start < data.count; start += o.batchSize) {
      const size = Math.min(o.batchSize, data.count - start);
      const t0 = performance.now();
      const out = await runBatch(backend, exe, data.images, data.imageShape, start, size);
      batchMs.push(performance.now() - t0);
      if (classes === 0) {
        classes = out.length / size;
        values = new Float32Array(data.count * classes);
      }
      values.set(out, start * classes);
    }
    const singleMs: number[] = [];
    for (let i = 0; i < Math.min(o.singleRuns ?? 50, data.count); i++) {
      const t0 = performance.now();
      await runBatch(backend, exe, data.images, data.imageShape, i, 1);
      singleMs.push(performance.now() - t0);
    }
    return { values, classes, batchMs, singleMs, compileMs };
  } finally {
    exe.dispose();
  }
}

/**
 * Runs one graph over a whole test set on every opened backend and compares each with the first
 * that works (the reference): accuracy, top-1 agreement, largest logit difference, batch and
 * single-image latency. A backend that fails is reported, not fatal, so one broken path does
 * not hide how the others did.
 */
export async function compareBackends(graph: Graph, data: TestSet, opened: readonly OpenedBackend[], options: CompareOptions): Promise<Comparison> {
  const rows: ComparisonRow[] = [];
  let reference: { label: string; logits: Logits; scale: number; top1: Int32Array } | undefined;
  for (const entry of opened) {
    const label = entry.candidate.label;
    if ('unavailable' in entry) {
      rows.push({ label, unavailable: entry.unavailable });
      continue;
    }
    try {
      const info = await entry.backend.info();
      const logits = await runAll(entry.backend, graph, data, options);
      const top1 = new Int32Array(data.count);
      let correct = 0;
      for (let i = 0; i < data.count; i++) {
        top1[i] = argmaxRow(logits.values, i, logits.classes);
        if (top1[i] === data.labels[i]) correct++;
      }
      if (!reference) {
        let scale = 0;
        for (const v of logits.values) scale = Math.max(scale, Math.abs(v));
        reference = { label, logits, scale: scale || 1, top1 };
      }
      let agree = 0;
      let maxDiff = 0;
      for (let i = 0; i < data.count; i++) if (top1[i] === reference.top1[i]) agree++;
      for (let i = 0; i < logits.values.length; i++) {
        const d = Math.abs(logits.values[i]! - reference.logits.values[i]!);
        maxDiff = Number.isNaN(d) ? Infinity : Math.max(maxDiff, d);
      }
      const medianBatchMs = median(logits.batchMs);
      const totalMs = logits.batchMs.reduce((a, b) => a + b, 0);
      rows.push({
        label,
        run: {
          label, info, compileMs: logits.compileMs,
          accuracy: correct / data.count, agreement: agree / data.count, maxRelativeDiff: maxDiff / reference.scale,
          medianBatchMs, imagesPerSecond: (1000 * data.count) / totalMs, medianSingleMs: median(logits.singleMs),
        },
      });
    } catch (error) {
      rows.push({ label, failed: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
    }
  }
  return { reference: reference?.label ?? '(none ran)', batchSize: options.batchSize, rows };
}
