// ONNX's own node tests (onnx.backend.test.case.node: models with numpy reference outputs) for
// every op cnnkit imports, written by scripts/onnx_node_cases.py in the backend-test layout at
// test time. Each case imports and runs on the cpu backend and matches ONNX's expected outputs,
// or is refused with the error listed below; an unlisted failure fails the test.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend } from '@cnnkit/backend-cpu';
import { type CnnkitErrorCode, Tensor, type TensorValue, isCnnkitError } from '@cnnkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOnnx } from '../../src/import';
import { decodeTensorProto } from '../../src/proto/tensor-value';
import { pythonMissing, runScript } from './python';

/** Cases cnnkit refuses on purpose, with the error that says why. */
const REFUSED: readonly { readonly cases: RegExp; readonly code: CnnkitErrorCode; readonly message: RegExp }[] = [
  { cases: /_uint8$/, code: 'UNSUPPORTED_OP', message: /graph input 'x': is UINT8; expected FLOAT, INT64 or INT32/ },
  { cases: /_select_last_index$/, code: 'UNSUPPORTED_OP', message: /attribute 'select_last_index' is 1/ },
  { cases: /^test_cast(like)?_/, code: 'UNSUPPORTED_OP', message: /is (DOUBLE|FLOAT16|BFLOAT16|STRING); expected FLOAT|cnnkit has no cast op/ },
  { cases: /^test_(average|max)pool_3d_default$/, code: 'UNSUPPORTED_OP', message: /3 spatial axes\); cnnkit has 1-D and 2-D/ },
  // ONNX lets pool pads reach the whole kernel; core follows PyTorch (pad <= kernel / 2).
  { cases: /^test_(average|max)pool_2d_pads(_count_include_pad)?$/, code: 'SHAPE_MISMATCH', message: /pads 2\+2 on spatial axis 0 exceed half the kernel \(3\)/ },
  { cases: /_training_mode$/, code: 'UNSUPPORTED_OP', message: /attribute 'training_mode' is 1/ },
  { cases: /^test_training_dropout/, code: 'UNSUPPORTED_OP', message: /input 2 \(training_mode\) is true/ },
  { cases: /^test_dropout_default_mask/, code: 'UNSUPPORTED_OP', message: /graph output 'z' is output 1 of Dropout node .* without its mask/ },
  { cases: /^test_maxpool_with_argmax_2d_precomputed_pads$/, code: 'UNSUPPORTED_OP', message: /graph output 'z' is output 1 of MaxPool node .* without its Indices output/ },
  { cases: /^test_maxpool_with_argmax_2d_precomputed_strides$/, code: 'UNSUPPORTED_OP', message: /attribute 'storage_order' is 1/ },
  { cases: /^test_(edge|reflect)_pad$/, code: 'UNSUPPORTED_OP', message: /mode is '(edge|reflect)'; cnnkit has no pad op/ },
  { cases: /^test_constant_pad$/, code: 'UNSUPPORTED_OP', message: /pads with the value 1\.2/ },
  { cases: /^test_global(average|max)pool(_precomputed)?$/, code: 'UNSUPPORTED_OP', message: /uses ONNX opset 1; expected opset 7\.\.21/ },
  { cases: /^test_reshape_allowzero_reordered$/, code: 'UNSUPPORTED_OP', message: /allowzero 1 and a 0 in its target/ },
  { cases: /^test_slice_neg_steps$/, code: 'UNSUPPORTED_OP', message: /steps are \[-1, -3, -2\]; cnnkit's slice takes steps of 1 only/ },
];

interface Manifest { readonly onnx: string; readonly cases: readonly { readonly name: string; readonly ops: readonly string[] }[] }

async function readTensors(dir: string, prefix: 'input' | 'output'): Promise<{ name: string; value: TensorValue }[]> {
  const out: { name: string; value: TensorValue }[] = [];
  for (let k = 0; existsSync(path.join(dir, `${prefix}_${k}.pb`)); k++) out.push(decodeTensorProto(await readFile(path.join(dir, `${prefix}_${k}.pb`)), `${prefix}_${k}.pb`));
  return out;
}

/** '' when the case's outputs match ONNX's (allclose rtol 1e-4, atol 1e-5), else what differs. */
async function runCase(dir: string, name: string): Promise<string> {
  const graph = importOnnx(await readFile(path.join(dir, name, 'model.onnx')), { source: `${name}/model.onnx` });
  const data = path.join(dir, name, 'test_data_set_0');
  const feeds = Object.fromEntries((await readTensors(data, 'input')).map(({ name: n, value }) => [n, Tensor.fromValue(value)]));
  const exe = await createBackend().compile(graph);
  const outputs = await exe.run(feeds);
  const problems: string[] = [];
  for (const { name: n, value } of await readTensors(data, 'output')) {
    const got = outputs[n];
    if (!got) { problems.push(`no output '${n}'`); continue; }
    if (got.shape.join() !== value.shape.join()) { problems.push(`'${n}' has shape [${got.shape}]; ONNX expects [${value.shape}]`); continue; }
    const actual = await got.data();
    const bad = Array.from(value.data).findIndex((e, i) => !(Math.abs(actual[i]! - e) <= 1e-5 + 1e-4 * Math.abs(e)) && !(Number.isNaN(e) && Number.isNaN(actual[i]!)));
    if (bad >= 0) problems.push(`'${n}'[${bad}] is ${actual[bad]}; ONNX expects ${value.data[bad]}`);
  }
  exe.dispose();
  return problems.join('; ');
}

const missing = pythonMissing(['onnx', 'numpy']);
const title = `ONNX's node tests for the imported ops, on the cpu backend`;

if (missing !== undefined) {
  describe(title, () => {
    it.skip(`import, run and match ONNX's outputs — skipped: ${missing}`, () => {});
  });
} else describe(title, () => {
  let dir = '';
  let manifest: Manifest;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-onnx-nodes-'));
    await runScript('onnx_node_cases.py', [dir]);
    manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('every case passes or is refused with the listed reason', async () => {
    const passed: string[] = [];
    const unexpected: string[] = [];
    const refusalsSeen = new Set<number>();
    for (const { name } of manifest.cases) {
      const rule = REFUSED.findIndex((r) => r.cases.test(name));
      let outcome: string;
      try {
        outcome = await runCase(dir, name);
      } catch (e) {
        const expected = REFUSED[rule];
        if (expected && isCnnkitError(e, expected.code) && expected.message.test(e.message)) {
          refusalsSeen.add(rule);
          continue;
        }
        unexpected.push(`${name}: threw ${isCnnkitError(e) ? e.code : ''} ${(e as Error).message}`);
        continue;
      }
      if (rule >= 0) unexpected.push(`${name}: listed as refused but ${outcome ? `ran and differs (${outcome})` : 'passes: take it off REFUSED'}`);
      else if (outcome) unexpected.push(`${name}: ${outcome}`);
      else passed.push(name);
    }
    console.log(`ONNX ${manifest.onnx} node tests: ${passed.length} of ${manifest.cases.length} pass on cpu, ${refusalsSeen.size} refusal rules seen`);
    expect(unexpected).toEqual([]);
    expect(REFUSED.filter((_, i) => !refusalsSeen.has(i)).map((r) => String(r.cases)), 'refusal rules that matched no case').toEqual([]);
    // Every imported op is covered by some passing case.
    const covered = new Set(manifest.cases.filter((c) => passed.includes(c.name)).flatMap((c) => c.ops));
    expect([...covered].sort()).toEqual(expect.arrayContaining([
      'Abs', 'Add', 'ArgMax', 'AveragePool', 'BatchNormalization', 'Concat', 'Constant', 'Conv', 'Div', 'Dropout', 'Exp', 'Expand',
      'Flatten', 'Gather', 'Gemm', 'Identity', 'LeakyRelu', 'Log', 'LogSoftmax', 'MatMul', 'MaxPool', 'Mul', 'Neg', 'ReduceMax',
      'ReduceMean', 'ReduceSum', 'Relu', 'Reshape', 'Shape', 'Sigmoid', 'Sign', 'Slice', 'Softmax', 'Sqrt', 'Squeeze', 'Sub', 'Tanh',
      'Transpose', 'Unsqueeze',
    ]));
    expect(passed.length).toBeGreaterThanOrEqual(200);
  }, 600_000);
});
