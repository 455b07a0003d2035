import { F, GRADIENTS, type GradFn, type GradientTable, type OpType } from '@cnnkit/core';
import { type GradientCase, GRADIENT_CASES, finiteDifferenceCase, runGradientCase, t } from '@cnnkit/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';

// The gradient case runner must catch wrong gradients, by either source of truth.
const backend = createBackend();
const table = GRADIENTS as { [K in OpType]?: GradFn<K> };
const saved: GradientTable = { ...GRADIENTS };

afterEach(() => {
  Object.assign(table, saved);
});

function caseById(id: string): GradientCase {
  const c = GRADIENT_CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c;
}

describe('runGradientCase', () => {
  it('fails a finite-difference case when the gradient is wrong (relu passing dy through)', async () => {
    table.relu = ([dy]) => [dy!];
    const result = await runGradientCase(backend, caseById('relu/grad/fd/away-from-zero'));
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^output 'dx' \[2, 5\]: .* \(against finite differences\)$/);
  });

  it('fails a PyTorch case when the gradient is wrong (softmax missing the Σ dy·y term)', async () => {
    table.softmax = ([dy], { outputs: [y] }) => [F.mul(dy!, y!)];
    const result = await runGradientCase(backend, caseById('softmax/grad/pytorch/axis-1-inner'));
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^output 'dx' \[2, 3, 4\]: .* \(against PyTorch\)$/);
  });

  it('fails when a broadcast operand gets a gradient of the wrong shape', async () => {
    table.add = ([dy]) => [dy!, dy!];
    const result = await runGradientCase(backend, caseById('add/grad/fd/both-broadcast'));
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/gradient: input 0 has shape \[2, 1, 3\] but its gradient has \[2, 4, 3\]/);
  });

  it('fails when no gradient reaches a wrt input', async () => {
    table.mul = ([dy], { inputs: [, b] }) => [F.mul(dy!, b!), undefined];
    const c: GradientCase = finiteDifferenceCase({ name: 'probe', op: 'mul', description: 'probe', inputs: [t([1, 2], [2]), t([3, 4], [2])] });
    const result = await runGradientCase(backend, c);
    expect(result.status).toBe('failed');
    expect(result.reason).toBe("no gradient reached input 1 ('b')");
  });

  it('passes a hand-worked case by both sources and fails a wrong expectation', async () => {
    // L = Σ u · a · b with a = [1, -2], b = [3, 0.5], u = [0.5, 2]: dL/da = u·b = [1.5, 1], dL/db = u·a = [0.5, -4].
    const c = finiteDifferenceCase({ name: 'product', op: 'mul', description: 'a * b', inputs: [t([1, -2], [2]), t([3, 0.5], [2])], upstream: [t([0.5, 2], [2])] });
    expect((await runGradientCase(backend, c)).status).toBe('passed');
    const right: GradientCase = { ...c, source: 'pytorch', expected: [t([1.5, 1], [2]), t([0.5, -4], [2])] };
    expect((await runGradientCase(backend, right)).status).toBe('passed');
    const wrong: GradientCase = { ...c, source: 'pytorch', expected: [t([1.5, 1], [2]), t([0.5, 4], [2])] };
    const result = await runGradientCase(backend, wrong);
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^output 'db' \[2\]: 1 of 2 values differ .* got -4, expected 4 \(against PyTorch\)$/);
  });

  it('rejects a case whose upstream count does not match the outputs', async () => {
    const c = caseById('relu/grad/fd/away-from-zero');
    const result = await runGradientCase(backend, { ...c, upstream: [] });
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/0 upstream values for 1 outputs of relu/);
  });
});
