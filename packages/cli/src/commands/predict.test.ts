import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend as createCpuBackend } from '@cnnkit/backend-cpu';
import { type Backend, Tensor, type TensorValue, createModel, readNpy, registerBackend, seededIntegers, seededStateDict, seededUniform, setBackend, tidy, writeNpy, writeSafetensors } from '@cnnkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';

useCpuFromSource();

// A backend with compile only (no kernels, no fromHost), as ONNX Runtime is: predict must not
// need anything else. It runs the graph on cpu underneath.
registerBackend('graph-only', (): Backend => {
  const cpu = createCpuBackend();
  return {
    name: 'graph-only',
    capabilities: { ...cpu.capabilities, eager: false, training: false },
    info: async () => ({ name: 'graph-only', device: 'cpu', description: 'compile-only test double over cpu', versions: {} }),
    compile: (graph) => cpu.compile(graph),
  };
});

const dir = mkdtempSync(path.join(tmpdir(), 'cnnkit-predict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string): string => path.join(dir, name);

/** LeNet-5's state dict from the seeded recipe, for `numClasses` outputs (built on the host: no backend needed). */
function lenetState(numClasses = 10): Record<string, TensorValue> {
  return seededStateDict(createModel('lenet5', { numClasses, skipInit: true }), 5);
}

const weights = file('lenet5.safetensors');
const batch = file('batch.npy');
const input = seededUniform([3, 1, 28, 28], 11);
const ready = Promise.all([writeSafetensors(weights, lenetState()), writeNpy(batch, input)]);

/** The logits of the same model and weights, run eagerly on cpu: the reference predict must equal. */
async function eagerLogits(state: Record<string, TensorValue>, x: TensorValue): Promise<Float32Array> {
  setBackend(createCpuBackend());
  const model = createModel('lenet5', { skipInit: true });
  model.loadStateDict(state);
  model.eval();
  const y = tidy(() => model.call(Tensor.fromValue(x)));
  return Float32Array.from(await y.data());
}

describe('cnnkit predict', () => {
  it('prints each sample\'s top-5 classes and writes logits equal to the eager forward', async () => {
    await ready;
    const out = file('logits.npy');
    const r = await runCli('predict', '--model', 'lenet5', '--weights', weights, '--input', batch, '--backend', 'cpu', '--output', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^backend cpu on cpu: /);
    expect(r.stdout).toContain(`model: lenet5, 61,706 parameters, eval mode; weights '${weights}' (10 tensors)`);
    expect(r.stdout).toContain(`input: '${batch}', float32, 3 samples [3, 1, 28, 28]`);
    expect(r.stdout).toContain(`logits: [3, 10] float32 written to '${out}'`);

    const logits = await readNpy(out);
    expect(logits.shape).toEqual([3, 10]);
    const expected = await eagerLogits(lenetState(), input);
    expect(Array.from(logits.data)).toEqual(Array.from(expected));

    // Each sample's line: the five largest logits' classes, with softmax probabilities
    // computed here from the eager logits in double precision.
    for (let i = 0; i < 3; i++) {
      const row = Array.from(expected.subarray(i * 10, i * 10 + 10));
      const exps = row.map((v) => Math.exp(v));
      const sum = exps.reduce((a, b) => a + b, 0);
      const top = row.map((v, c) => [v, c] as const).sort((a, b) => b[0] - a[0]).slice(0, 5);
      const line = top.map(([, c]) => `${c}: ${(exps[c]! / sum).toFixed(4)}`).join(', ');
      expect(r.stdout).toContain(`  sample ${i}: ${line}`);
    }
    expect(r.stdout.match(/^ {2}sample \d+: /gm)).toHaveLength(3);
  });

  it('adds a batch axis to a single sample, and says so', async () => {
    await ready;
    const one = file('one.npy');
    await writeNpy(one, { dtype: 'float32', shape: [1, 28, 28], data: input.data.subarray(0, 784) });
    const out = file('one-logits.npy');
    const r = await runCli('predict', '--model', 'lenet5', '--weights', weights, '--input', one, '--output', out, '--top', '3');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('float32, one sample [1, 28, 28] without a batch axis: added one, [1, 1, 28, 28]');
    expect(r.stdout).toContain('top 3 of 10 classes per sample');
    expect(r.stdout).toMatch(/^ {2}sample 0: \d: [\d.]+, \d: [\d.]+, \d: [\d.]+$/m);
    expect((await readNpy(out)).shape).toEqual([1, 10]);
  });

  it('runs on a backend that only compiles graphs', async () => {
    await ready;
    const out = file('graph-only.npy');
    const r = await runCli('predict', '--model', 'lenet5', '--weights', weights, '--input', batch, '--backend', 'graph-only', '--output', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^backend graph-only on cpu: /);
    expect(Array.from((await readNpy(out)).data)).toEqual(Array.from(await eagerLogits(lenetState(), input)));
  });

  it('takes weights for another class count with --num-classes, and suggests it when missing', async () => {
    await ready;
    const three = file('lenet5-3.safetensors');
    await writeSafetensors(three, lenetState(3));
    const wrong = await runCli('predict', '--model', 'lenet5', '--weights', three, '--input', batch);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`weights '${three}' do not fit model lenet5: `);
    expect(wrong.stderr).toContain('mismatched 2 key(s): fc3.weight given float32 [3, 84], expected float32 [10, 84]');
    expect(wrong.stderr).toContain('(the classifier in the file has 3 outputs: pass --num-classes 3)');

    const right = await runCli('predict', '--model', 'lenet5', '--num-classes', '3', '--weights', three, '--input', batch);
    expect(right.stderr).toBe('');
    expect(right.code).toBe(0);
    expect(right.stdout).toContain('top 3 of 3 classes per sample');
  });

  it('names the file and the missing key when the weights lack one', async () => {
    const state = lenetState();
    delete state['fc3.bias'];
    const partial = file('partial.safetensors');
    await writeSafetensors(partial, state);
    await ready;
    const r = await runCli('predict', '--model', 'lenet5', '--weights', partial, '--input', batch);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`cnnkit predict: error [INVALID_ARGUMENT]: weights '${partial}' do not fit model lenet5: `);
    expect(r.stderr).toContain('missing 1 key(s): fc3.bias');
    expect(r.stderr).not.toContain('    at '); // no stack trace without --verbose
  });

  it('names the input file, the shape given and the shapes expected', async () => {
    await ready;
    const rgb = file('rgb.npy');
    await writeNpy(rgb, seededUniform([2, 3, 28, 28], 3));
    const r = await runCli('predict', '--model', 'lenet5', '--weights', weights, '--input', rgb);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cnnkit predict: error [SHAPE_MISMATCH]: input '${rgb}' has shape [2, 3, 28, 28]; lenet5 expects [N, 1, 28, 28] (a batch of N samples) or [1, 28, 28] (one sample)`);
  });

  it('lists the zoo for an unknown model', async () => {
    const r = await runCli('predict', '--model', 'lenet7', '--weights', weights, '--input', batch);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cnnkit predict: error [INVALID_ARGUMENT]: unknown model "lenet7"');
    expect(r.stderr).toContain("'lenet5', 'vgg11'");
  });

  it('takes ONNX files (export.test.ts runs them): names an unreadable one, refuses zoo-only options', async () => {
    await ready;
    const missing = file('missing.onnx');
    const gone = await runCli('predict', '--model', missing, '--input', batch);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`cnnkit predict: error [IO]: cannot read ONNX model '${missing}'`);

    const withWeights = await runCli('predict', '--model', missing, '--weights', weights, '--input', batch);
    expect(withWeights.code).toBe(2);
    expect(withWeights.stderr).toContain('option --weights is for zoo models; an ONNX file carries its own weights and shapes');
  });

  it('says which required option is missing (usage error, exit 2)', async () => {
    const r = await runCli('predict', '--model', 'lenet5', '--input', batch);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cnnkit predict: option --weights is required: the safetensors file with the model's weights");
    expect(r.stderr).toContain("Run 'cnnkit predict --help' for usage.");
  });

  it('reports an unreadable weights file with its name', async () => {
    const r = await runCli('predict', '--model', 'lenet5', '--weights', file('nowhere.safetensors'), '--input', batch);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cnnkit predict: error [IO]: cannot read safetensors file '${file('nowhere.safetensors')}'`);
  });
});

describe('cnnkit predict on token ids', () => {
  it('runs textCnn on int32 ids with the logits of the eager forward', async () => {
    const state = seededStateDict(createModel('textCnn', { skipInit: true }), 9);
    const weightsFile = file('text-cnn.safetensors');
    const idsFile = file('ids.npy');
    const ids = seededIntegers([2, 400], 4, 20_000);
    await writeSafetensors(weightsFile, state);
    await writeNpy(idsFile, ids);
    const out = file('text-logits.npy');
    const r = await runCli('predict', '--model', 'textCnn', '--weights', weightsFile, '--input', idsFile, '--output', out, '--top', '2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`input: '${idsFile}', int32, 2 samples [2, 400]`);
    expect(r.stdout).toContain('top 2 of 2 classes per sample');

    setBackend(createCpuBackend());
    const model = createModel('textCnn', { skipInit: true });
    model.loadStateDict(state);
    model.eval();
    const expected = tidy(() => model.call(Tensor.fromValue(ids)));
    expect(Array.from((await readNpy(out)).data)).toEqual(Array.from(await expected.data()));
  });

  it('refuses integer input for an image model, with a hint', async () => {
    await ready;
    const pixels = file('pixels.npy');
    await writeNpy(pixels, seededIntegers([1, 1, 28, 28], 2, 256));
    const r = await runCli('predict', '--model', 'lenet5', '--weights', weights, '--input', pixels);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error [DTYPE_MISMATCH]: input '${pixels}' holds int32 values; lenet5 expects float32 (save the array as float32`);
  });
});
