// Every forward op case of the conformance suite (hand-worked and PyTorch goldens), exported with
// exportOnnx and imported again, runs on the cpu backend and still gives the case's expected
// outputs within its tolerance: the importer reads back everything the exporter writes for the
// op set (opset 17: Gemm / MatMul, Flatten / Reshape, pools' ceil-mode Slices, ArgMax + Cast ...).
import { createBackend } from '@cnnkit/backend-cpu';
import { ALL_CASES, type ConformanceCase, caseKind } from '@cnnkit/conformance';
import { TRAINING_OP_TYPES, Tensor } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../../src/export';
import { importOnnx } from '../../src/import';

const training = new Set<string>(TRAINING_OP_TYPES);
const isCircular = (c: ConformanceCase): boolean => c.graph.nodes.some((n) => (n.attrs as { paddingMode?: string }).paddingMode === 'circular');
const isTrainingDropout = (c: ConformanceCase): boolean => c.graph.nodes.some((n) => n.op === 'dropout' && (n.attrs as { training?: boolean }).training === true);
const forward = ALL_CASES.filter((c): c is ConformanceCase => caseKind(c) === 'op').filter((c) => !training.has(c.op) && !isCircular(c));
// Import is for inference: Dropout with training_mode true is refused (checked below).
const cases = forward.filter((c) => !isTrainingDropout(c));

/** '' when every output is within the case's tolerance, else what differs. */
async function roundTrip(c: ConformanceCase): Promise<string> {
  const graph = importOnnx(exportOnnx(c.graph), { source: `${c.id}.onnx` });
  const exe = await createBackend().compile(graph);
  const outputs = await exe.run(Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, Tensor.fromValue(v)])));
  const problems: string[] = [];
  for (const [name, want] of Object.entries(c.expected)) {
    const got = outputs[name];
    if (!got) { problems.push(`no output '${name}'`); continue; }
    if (got.shape.join() !== want.shape.join()) { problems.push(`'${name}' has shape [${got.shape}]; expected [${want.shape}]`); continue; }
    const data = await got.data();
    const { rtol, atol } = c.tolerance;
    const close = (x: number, e: number): boolean => x === e || Math.abs(x - e) <= atol + rtol * Math.abs(e) || (Number.isNaN(e) && Number.isNaN(x));
    const bad = Array.from(want.data).findIndex((e, i) => !close(data[i]!, e));
    if (bad >= 0) problems.push(`'${name}'[${bad}] is ${data[bad]}; expected ${want.data[bad]}`);
  }
  if (c.check && problems.length === 0) {
    const values = Object.fromEntries(await Promise.all(Object.entries(outputs).map(async ([k, v]) => [k, await v.toValue()] as const)));
    const why = c.check(values);
    if (why) problems.push(why);
  }
  exe.dispose();
  return problems.join('; ');
}

describe('conformance op cases through exportOnnx and importOnnx', () => {
  it('every forward op case comes back and matches its expected outputs', async () => {
    expect(new Set(cases.map((c) => c.op)).size).toBe(39);
    const failures: string[] = [];
    for (const c of cases) {
      try {
        const why = await roundTrip(c);
        if (why) failures.push(`${c.id}: ${why}`);
      } catch (e) {
        failures.push(`${c.id}: threw ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    console.log(`${cases.length} op cases exported, imported and matched on cpu`);
  }, 300_000);

  it('training-mode dropout cases are refused on import, naming the node', () => {
    const refused = forward.filter(isTrainingDropout);
    expect(refused.length).toBeGreaterThan(0);
    for (const c of refused) {
      expect(() => importOnnx(exportOnnx(c.graph), { source: `${c.id}.onnx` }), c.id).toThrow(/Dropout node '.*': input 2 \(training_mode\) is true; cnnkit imports inference graphs/);
    }
  });
});
