import { ORT_DIRECT, TORCH, findResult, rawTfjsLabel } from './lookup';
import type { BenchCell, TargetCheck, TrainingResult } from './results';

const ms = (v: number): string => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
const x = (v: number): string => `${v.toFixed(2)}×`;

function notMeasured(target: string, what: string): TargetCheck {
  return { target, detail: `not measured in this run (${what})` };
}

/** cnnkit at most `limit` × the alternative on one model × batch. */
function atMost(target: string, cells: readonly BenchCell[], model: string, batch: number, ours: string, theirs: string, limit: number): TargetCheck {
  const a = findResult(cells, model, batch, ours);
  const b = findResult(cells, model, batch, theirs);
  if (!a || !b) return notMeasured(target, `${a ? '' : ours}${!a && !b ? ', ' : ''}${b ? '' : theirs} missing`);
  const r = a.medianMs / b.medianMs;
  return { target, met: r <= limit, detail: `${ours} ${ms(a.medianMs)} vs ${theirs} ${ms(b.medianMs)}: ${x(r)}${r <= limit ? '' : ` (limit ${x(limit)}; ${x(r / limit)} over)`}` };
}

/** cnnkit within `limit` × the alternative on every model × batch both measured; reports the worst. */
function withinEverywhere(target: string, cells: readonly BenchCell[], ours: string, theirs: string, limit: number): TargetCheck {
  const pairs = cells.filter((c) => c.runner.label === ours && c.result).flatMap((c) => {
    const b = findResult(cells, c.model, c.batch, theirs);
    return b ? [{ where: `${c.model} b${c.batch}`, r: c.result!.medianMs / b.medianMs }] : [];
  });
  if (pairs.length === 0) return notMeasured(target, `no cell with both ${ours} and ${theirs}`);
  const worst = pairs.reduce((w, p) => (p.r > w.r ? p : w));
  const over = pairs.filter((p) => p.r > limit);
  const list = pairs.map((p) => `${p.where} ${x(p.r)}`).join(', ');
  return { target, met: over.length === 0, detail: `${over.length}/${pairs.length} cells over ${x(limit)}; worst ${worst.where} ${x(worst.r)}. All: ${list}` };
}

/** Issue 8's targets, each judged on this run's medians. */
export function checkTargets(cells: readonly BenchCell[], training: readonly TrainingResult[]): TargetCheck[] {
  const tfjsCpu = findResult(cells, 'resnet18', 1, rawTfjsLabel('cpu')) ? rawTfjsLabel('cpu') : 'cnnkit tfjs (cpu)';
  const tfjsWasm = findResult(cells, 'resnet50', 1, rawTfjsLabel('wasm')) ? rawTfjsLabel('wasm') : 'cnnkit tfjs (wasm)';
  const checks = [
    atMost('cpu backend, ResNet-18 b1: no slower than PyTorch', cells, 'resnet18', 1, 'cnnkit cpu', TORCH, 1),
    atMost('cpu backend, ResNet-18 b1: beats TensorFlow.js wasm', cells, 'resnet18', 1, 'cnnkit cpu', rawTfjsLabel('wasm'), 1),
    atMost('cpu backend, ResNet-18 b1: at least 10× faster than TensorFlow.js cpu', cells, 'resnet18', 1, 'cnnkit cpu', tfjsCpu, 0.1),
    atMost('cpu backend, ResNet-50 b1: no slower than TensorFlow.js wasm', cells, 'resnet50', 1, 'cnnkit cpu', tfjsWasm, 1),
  ];
  const ours = training.find((t) => t.runner === 'cnnkit cpu');
  const torch = training.find((t) => t.runner === TORCH);
  const target = 'cpu backend, LeNet-5 MNIST training: no slower than PyTorch';
  if (ours?.samplesPerSecond && torch?.samplesPerSecond) {
    const r = torch.samplesPerSecond / ours.samplesPerSecond;
    checks.push({ target, met: r <= 1, detail: `cnnkit cpu ${ours.samplesPerSecond.toFixed(0)} samples/s vs PyTorch ${torch.samplesPerSecond.toFixed(0)} samples/s: ${x(r)} the time per epoch` });
  } else {
    checks.push(notMeasured(target, ours?.missing ?? torch?.missing ?? 'training not run'));
  }
  checks.push(withinEverywhere('onnxruntime backend: within 1.05× of ORT on the PyTorch export', cells, 'cnnkit onnxruntime', ORT_DIRECT, 1.05));
  for (const engine of ['wasm', 'cpu']) {
    checks.push(withinEverywhere(`tfjs backend (${engine}): within 1.10× of raw tfjs on the same engine`, cells, `cnnkit tfjs (${engine})`, rawTfjsLabel(engine), 1.1));
  }
  return checks;
}
