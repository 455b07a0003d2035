import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend as createCpuBackend } from '@cnnkit/backend-cpu';
import { createBackend as createOrtBackend } from '@cnnkit/backend-onnxruntime';
import { type TensorValue, Tensor, createModel, readNpy, registerBackend, seededStateDict, seededUniform, setBackend, tidy, writeNpy, writeSafetensors } from '@cnnkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';

useCpuFromSource();
// The ONNX Runtime backend from its sources too (core would load its built dist).
registerBackend('onnxruntime', (options) => createOrtBackend(options));

const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(path.join(tmpdir(), 'cnnkit-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string): string => path.join(dir, name);

function lenetState(numClasses = 10): Record<string, TensorValue> {
  return seededStateDict(createModel('lenet5', { numClasses, skipInit: true }), 7);
}

const weights = file('lenet5.safetensors');
const batch = file('batch.npy');
const input = seededUniform([3, 1, 28, 28], 12);
const ready = Promise.all([writeSafetensors(weights, lenetState()), writeNpy(batch, input)]);

async function eagerLogits(): Promise<Float32Array> {
  setBackend(createCpuBackend());
  const model = createModel('lenet5', { skipInit: true });
  model.loadStateDict(lenetState());
  model.eval();
  return Float32Array.from(await tidy(() => model.call(Tensor.fromValue(input))).data());
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number): void {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(...Array.from(expected, Math.abs));
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!), `logit ${i}`).toBeLessThanOrEqual(rtol * scale);
}

const onnxChecker = spawnSync(PYTHON, ['-c', 'import onnx'], { encoding: 'utf8' }).status === 0;

describe('cnnkit export', () => {
  const out = file('lenet5.onnx');

  it('writes the zoo model with its weights as ONNX and says what it wrote', async () => {
    await ready;
    const r = await runCli('export', '--model', 'lenet5', '--weights', weights, '--format', 'onnx', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`model: lenet5, 61,706 parameters, eval mode; weights '${weights}' (10 tensors)`);
    expect(r.stdout).toMatch(/^graph: \d+ nodes, input '\w+' float32 \[N, 1, 28, 28\], output '\w+'$/m);
    expect(r.stdout).toMatch(new RegExp(`^onnx: opset 17, [\\d,]+ bytes written to '${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'$`, 'm'));
    // 61,706 float32 weights are in the file.
    expect((await readFile(out)).byteLength).toBeGreaterThan(61_706 * 4);
  });

  it.runIf(onnxChecker)("passes onnx.checker (full check, Debian's python3-onnx) with a symbolic batch", async () => {
    const check = spawnSync(PYTHON, ['-c', [
      'import onnx, sys',
      'm = onnx.load(sys.argv[1])',
      'onnx.checker.check_model(m, full_check=True)',
      'print(m.opset_import[0].version, m.graph.input[0].type.tensor_type.shape.dim[0].dim_param)',
    ].join('\n'), out], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('17 N');
  });

  it('the exported file predicts the eager logits on the cpu backend and in ONNX Runtime', async () => {
    const expected = await eagerLogits();
    for (const backend of ['cpu', 'onnxruntime']) {
      const logits = file(`logits-${backend}.npy`);
      const r = await runCli('predict', '--model', out, '--input', batch, '--backend', backend, '--device', 'cpu', '--output', logits);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^backend ${backend} on cpu: `));
      expect(r.stdout).toContain(`model: '${out}' (ONNX), `);
      expect(r.stdout).toContain('61,706 weights');
      expect(r.stdout).toContain(`input: '${batch}', float32, 3 samples [3, 1, 28, 28]`);
      expectClose((await readNpy(logits)).data, expected, 1e-5);
    }
  });

  it('leaves an existing file untouched when the export fails', async () => {
    await ready;
    const keep = file('keep.onnx');
    await writeFile(keep, 'previous model');
    const three = file('lenet5-3.safetensors');
    await writeSafetensors(three, lenetState(3));
    const r = await runCli('export', '--model', 'lenet5', '--weights', three, '--out', keep);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`weights '${three}' do not fit model lenet5`);
    expect(r.stderr).toContain('pass --num-classes 3');
    expect(await readFile(keep, 'utf8')).toBe('previous model');

    const right = await runCli('export', '--model', 'lenet5', '--num-classes', '3', '--weights', three, '--out', keep);
    expect(right.code).toBe(0);
    expect(existsSync(keep)).toBe(true);
    expect(await readFile(keep, 'utf8')).not.toBe('previous model');
  });

  it('usage errors (exit 2): another format, a missing --out or --weights', async () => {
    const format = await runCli('export', '--model', 'lenet5', '--weights', weights, '--format', 'tflite', '--out', file('x.tflite'));
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("cnnkit export: option --format is 'tflite'; expected one of onnx");
    const noOut = await runCli('export', '--model', 'lenet5', '--weights', weights);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('option --out is required');
    const noWeights = await runCli('export', '--model', 'lenet5', '--out', file('y.onnx'));
    expect(noWeights.code).toBe(2);
    expect(noWeights.stderr).toContain('option --weights is required');
  });

  it('is listed in the help', async () => {
    const r = await runCli('--help');
    expect(r.stdout).toMatch(/^ {2}export +export a zoo model with safetensors weights to ONNX/m);
  });
});
