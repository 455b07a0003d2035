// Every forward op case of the conformance suite (hand-worked and PyTorch goldens) exported to
// ONNX and read by Python's onnx: onnx.checker with full_check (strict shape inference) must
// accept each file, and ONNX's own shape inference must give every cnnkit value the dtype and
// shape cnnkit inferred. Running them in ONNX Runtime is the onnxruntime backend's test.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TRAINING_OP_TYPES, isCnnkitError } from '@cnnkit/core';
import { ALL_CASES, type ConformanceCase, caseKind } from '@cnnkit/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOnnx } from '../src';
import { type ModelReport, checkOnnx, pythonOnnxMissing } from './python-onnx';
import { typeMismatches } from './type-mismatches';

const opCases = ALL_CASES.filter((c): c is ConformanceCase => caseKind(c) === 'op');
const training = new Set<string>(TRAINING_OP_TYPES);
const forward = opCases.filter((c) => !training.has(c.op));
const isCircular = (c: ConformanceCase): boolean => c.graph.nodes.some((n) => (n.attrs as { paddingMode?: string }).paddingMode === 'circular');
const exported = forward.filter((c) => !isCircular(c));
const fileOf = (c: ConformanceCase): string => `${c.id.replace(/[^A-Za-z0-9_.-]+/g, '_')}.onnx`;

describe('conformance op cases exported to ONNX', () => {
  it('covers every forward op of the op set, several cases each', () => {
    expect(new Set(exported.map((c) => c.op)).size).toBe(39);
    expect(exported.length).toBeGreaterThan(200);
  });

  it('refuses circular padding at opset 17, naming the node and opset 19', () => {
    const circular = forward.filter(isCircular);
    expect(circular.length).toBeGreaterThan(0);
    for (const c of circular) {
      expect(() => exportOnnx(c.graph)).toThrow(/conv[12]d \(node '.*' in graph '.*'\): paddingMode 'circular' needs ONNX Pad with mode 'wrap' \(opset 19\)/);
    }
  });

  it('refuses training-only ops, naming every such node', () => {
    const cases = opCases.filter((c) => training.has(c.op));
    expect(new Set(cases.map((c) => c.op)).size).toBe(TRAINING_OP_TYPES.length);
    for (const c of cases) {
      let error: unknown;
      try {
        exportOnnx(c.graph);
      } catch (e) {
        error = e;
      }
      expect(isCnnkitError(error, 'UNSUPPORTED_OP'), c.id).toBe(true);
      expect((error as Error).message).toContain(`${c.op} (node '${c.graph.nodes[0]!.name}'`);
      expect((error as Error).message).toMatch(/training-only ops/);
    }
  });
});

const missing = pythonOnnxMissing();

if (missing !== undefined) {
  describe('exported op cases read by Python onnx', () => {
    it.skip(`onnx.checker and shape inference on ${exported.length} exported op cases — skipped: ${missing}`, () => {});
  });
} else describe('exported op cases read by Python onnx', () => {
  let dir = '';
  let reports = new Map<string, ModelReport>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-onnx-ops-'));
    const names = new Set<string>();
    for (const c of exported) {
      const file = fileOf(c);
      expect(names.has(file), `file name ${file} of ${c.id} is unique`).toBe(false);
      names.add(file);
      await writeFile(path.join(dir, file), exportOnnx(c.graph));
    }
    reports = await checkOnnx([dir], ['--types']);
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('onnx.checker (full check) accepts every file and ONNX infers cnnkit\'s types for every value', () => {
    expect(reports.size).toBe(exported.length);
    const failures: string[] = [];
    for (const c of exported) {
      const report = reports.get(fileOf(c))!;
      if (!report.ok) failures.push(`${c.id}: ${report.error}`);
      else failures.push(...typeMismatches(c.graph, report).map((p) => `${c.id}: ${p}`));
    }
    expect(failures).toEqual([]);
  });
});
