import { type BackendCapabilities, type ValidatedGraph, MODEL_ZOO } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../../test/fake-backend';
import { MODEL_CASES } from '../cases';
import { skipReason } from '../skip';
import { caseDtypes, caseKind, caseSubject, matrixSection, requiredOps } from '../suite-case';
import { type ModelCase, modelCaseInput, opsProblem, runModelCase } from './model-case';

const byId = (id: string): ModelCase => MODEL_CASES.find((c) => c.id === id)!;
const lenet = byId('model:lenet5/pytorch/28x28');
const text = byId('model:textCnn/pytorch/tokens-400');

describe('MODEL_CASES', () => {
  it('covers every model of the zoo, lenet5 at both input sizes, with unique ids', () => {
    expect(new Set(MODEL_CASES.map((c) => c.model))).toEqual(new Set(Object.keys(MODEL_ZOO)));
    expect(MODEL_CASES.filter((c) => c.model === 'lenet5').map((c) => c.input.shape)).toEqual([[2, 1, 28, 28], [2, 1, 32, 32]]);
    expect(new Set(MODEL_CASES.map((c) => c.id)).size).toBe(MODEL_CASES.length);
    for (const c of MODEL_CASES) {
      expect(caseKind(c)).toBe('model');
      expect(caseSubject(c)).toBe(`model:${c.model}`);
      expect(matrixSection(caseKind(c), c.level)).toBe('model');
      const perSample = MODEL_ZOO[c.model]!.inputShape(c.options).shape;
      expect(c.input.shape.slice(1), c.id).toEqual(perSample);
    }
  });

  it('expects PyTorch logits of shape [batch, classes], finite and not all alike', () => {
    for (const c of MODEL_CASES) {
      expect(c.expected.shape[0], c.id).toBe(c.input.shape[0]);
      const data = Array.from(c.expected.data);
      expect(data.every(Number.isFinite), c.id).toBe(true);
      expect(Math.max(...data) - Math.min(...data), c.id).toBeGreaterThan(0.1);
    }
  });
});

describe('model cases in the plan', () => {
  const caps: BackendCapabilities = { training: false, eager: false, devices: ['cpu'], dtypes: ['float32'], ops: [...lenet.ops] };

  it('run on a graph-only backend without training that declares the ops the model uses', () => {
    expect(skipReason(lenet, caps)).toBeUndefined();
    expect(requiredOps(lenet)).toEqual(lenet.ops);
  });

  it('are skipped when the backend lacks an op of the traced graph, naming the model', () => {
    expect(skipReason(lenet, { ...caps, ops: lenet.ops.filter((op) => op !== 'maxPool2d') })).toBe('backend does not declare op maxPool2d, which model:lenet5 needs');
  });

  it('need int32 for token ids', () => {
    expect(caseDtypes(text).sort()).toEqual(['float32', 'int32']);
    expect(skipReason(text, { ...caps, ops: [...text.ops] })).toBe('backend does not declare dtype int32');
  });
});

describe('modelCaseInput', () => {
  it('draws images in [-1, 1) and token ids in [0, high)', () => {
    const image = modelCaseInput(lenet.input);
    expect(image).toMatchObject({ dtype: 'float32', shape: [2, 1, 28, 28] });
    expect(Math.min(...image.data)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...image.data)).toBeLessThan(1);
    const ids = modelCaseInput(text.input);
    expect(ids).toMatchObject({ dtype: 'int32', shape: [2, 400] });
    expect(Math.min(...ids.data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ids.data)).toBeLessThan(text.input.high!);
    expect(new Set(ids.data).size).toBeGreaterThan(700);
  });
});

describe('opsProblem', () => {
  const graph = { nodes: [{ op: 'conv2d' }, { op: 'relu' }, { op: 'conv2d' }] } as unknown as ValidatedGraph;

  it('accepts declared ops equal to the graph’s, in any order', () => {
    expect(opsProblem(['relu', 'conv2d'], graph)).toBeUndefined();
  });

  it('names ops used but undeclared, and declared but unused', () => {
    expect(opsProblem(['conv2d', 'add'], graph)).toBe(
      "the traced graph uses relu, which the case does not declare and does not use declared add; expected the case's ops [conv2d, add] to equal the graph's [conv2d, relu] (update the case's ops)",
    );
  });
});

describe('runModelCase', () => {
  it('fails, before compiling anything, when the traced graph does not use the declared ops', async () => {
    let compiled = 0;
    const backend = { ...fakeBackend(), compile: () => (compiled++, Promise.reject(new Error('not reached'))) };
    const outcome = await runModelCase(backend, { ...lenet, ops: lenet.ops.filter((op) => op !== 'flatten') });
    expect(outcome).toEqual({ status: 'failed', reason: expect.stringContaining('the traced graph uses flatten, which the case does not declare') });
    expect(compiled).toBe(0);
  });
});
