// The must-show: a torch.onnx.export-ed resnet18 imports and runs on the cpu backend,
// matching ONNX Runtime on the same file. @cnnkit/onnx's script export_torch_models.py writes
// torchvision's resnet18 (PyTorch's own init, batch norms randomised) as resnet18.onnx (opset 17,
// dynamic batch), with an input and PyTorch's float64 output, into a temporary directory at test
// time (never committed). It needs Debian's python3-torch and python3-torchvision for /usr/bin/python3.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createBackend as createCpuBackend } from '@cnnkit/backend-cpu';
import { type TensorValue, Tensor, readNpy } from '@cnnkit/core';
import { importOnnx } from '@cnnkit/onnx';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PYTHON = '/usr/bin/python3';
const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../onnx/scripts/export_torch_models.py');

function torchMissing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found (install python3-torch and python3-torchvision)`;
  const probe = spawnSync(PYTHON, ['-c', 'import torch, torchvision'], { encoding: 'utf8', timeout: 120_000 });
  if (probe.status === 0) return undefined;
  const why = (probe.stderr || probe.error?.message || `exit status ${probe.status}`).trim().split('\n').pop();
  return `${PYTHON} cannot import torch and torchvision (${why}); install python3-torch and python3-torchvision`;
}

/** The largest |a − b| over the largest |b|: a difference relative to the logits' scale. */
function relativeToScale(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return worst / scale;
}

const argmaxRows = (v: ArrayLike<number>, rows: number, cols: number): number[] =>
  Array.from({ length: rows }, (_, r) => {
    let best = 0;
    for (let c = 1; c < cols; c++) if (v[r * cols + c]! > v[r * cols + best]!) best = c;
    return best;
  });

const missing = torchMissing();
const title = "torch.onnx.export-ed resnet18 on the cpu backend and in ONNX Runtime";

if (missing !== undefined) {
  describe(title, () => {
    it.skip(`imports, runs on cpu and matches ONNX Runtime on the same file — skipped: ${missing}`, () => {});
  });
} else describe(title, () => {
  let dir = '';
  let bytes: Uint8Array;
  let input: TensorValue;
  let pytorch: TensorValue;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-torch-onnx-'));
    await promisify(execFile)(PYTHON, [SCRIPT, dir, 'resnet18'], { timeout: 600_000 });
    bytes = await readFile(path.join(dir, 'resnet18.onnx'));
    input = await readNpy(path.join(dir, 'resnet18.input.npy'));
    pytorch = await readNpy(path.join(dir, 'resnet18.output.npy'));
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports with importOnnx, runs on the cpu backend and matches ONNX Runtime run directly on the file', async () => {
    expect(input.shape).toEqual([2, 3, 224, 224]);

    // (a) ONNX Runtime on the raw file: no cnnkit code between the file and the numbers.
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'] });
    let reference: Float32Array;
    try {
      const fed = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', input.data as Float32Array, [...input.shape]) });
      const out = fed[session.outputNames[0]!]!;
      expect(out.dims).toEqual([2, 1000]);
      reference = Float32Array.from(out.data as Float32Array);
    } finally {
      await session.release();
    }

    // (b) The same file through importOnnx, on the pure-TypeScript cpu backend.
    const graph = importOnnx(bytes, { source: 'resnet18.onnx' });
    expect(graph.inputs[0]!.shape).toEqual([graph.inputs[0]!.shape[0], 3, 224, 224]);
    expect(typeof graph.inputs[0]!.shape[0]).toBe('string'); // the exporter's dynamic batch axis stays symbolic
    const exe = await createCpuBackend().compile(graph);
    const outputs = await exe.run({ [graph.inputs[0]!.name]: Tensor.fromValue(input) });
    const logits = await outputs[graph.outputs[0]!]!.toValue();
    exe.dispose();
    expect(logits.shape).toEqual([2, 1000]);

    const cpuVsOrt = relativeToScale(logits.data, reference);
    const cpuVsTorch = relativeToScale(logits.data, pytorch.data);
    const ortVsTorch = relativeToScale(reference, pytorch.data);
    console.log(`resnet18.onnx: cpu vs ORT ${cpuVsOrt.toExponential(2)}, cpu vs PyTorch ${cpuVsTorch.toExponential(2)}, ORT vs PyTorch ${ortVsTorch.toExponential(2)} (of the logits' scale)`);
    expect(cpuVsOrt).toBeLessThan(1e-5);
    // Both float32 runs also agree with PyTorch's float64 logits for the same file's weights.
    expect(cpuVsTorch).toBeLessThan(1e-4);
    expect(ortVsTorch).toBeLessThan(1e-4);
    expect(argmaxRows(logits.data, 2, 1000)).toEqual(argmaxRows(reference, 2, 1000));
  }, 300_000);
});
