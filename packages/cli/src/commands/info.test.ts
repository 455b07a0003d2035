import { OP_TYPES, registerBackend } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { runCli, useCpuFromSource } from '../testing/cli-harness';

useCpuFromSource();

registerBackend('fell-back', () => ({
  name: 'fell-back',
  capabilities: { training: true, eager: false, devices: ['cuda', 'cpu'], dtypes: ['float32'], ops: ['conv2d', 'relu'] },
  info: async () => ({ name: 'fell-back', device: 'cpu', description: 'test double', versions: { engine: '1.2.3' }, fallback: 'CUDA libraries not found' }),
  compile: async () => {
    throw new Error('not used');
  },
}));

registerBackend('buggy', () => ({
  name: 'buggy',
  capabilities: { training: false, eager: false, devices: ['cpu'], dtypes: ['float32'], ops: [] },
  info: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'model')");
  },
  compile: async () => {
    throw new Error('not used');
  },
}));

describe('cnnkit info', () => {
  it('prints the cpu backend\'s device, versions and capabilities', async () => {
    const r = await runCli('info', '--backend', 'cpu');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^backend +cpu$/m);
    expect(r.stdout).toMatch(/^device +cpu$/m);
    expect(r.stdout).toMatch(/^fallback +none$/m);
    expect(r.stdout).toMatch(/^versions +@cnnkit\/backend-cpu \S+, node v\d+/m);
    expect(r.stdout).toMatch(new RegExp(`^ops +\\d+ of ${OP_TYPES.length}$`, 'm'));
    expect(r.stdout).toMatch(/^eager +yes$/m);
    expect(r.stdout).toMatch(/^dtypes +float32, int32$/m);
  });

  it('shows the device really in use, the one asked for, the fallback and the missing ops', async () => {
    const r = await runCli('info', '--backend', 'fell-back', '--device', 'cuda');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^device +cpu$/m);
    expect(r.stdout).toMatch(/^requested +cuda$/m);
    expect(r.stdout).toMatch(/^fallback +CUDA libraries not found$/m);
    expect(r.stdout).toMatch(/^versions +engine 1\.2\.3$/m);
    expect(r.stdout).toMatch(new RegExp(`^ops +2 of ${OP_TYPES.length}$`, 'm'));
    expect(r.stdout).toMatch(/^missing +conv1d, maxPool1d, /m);
    expect(r.stdout).toMatch(/^training +yes$/m);
    expect(r.stdout).toMatch(/^devices +cuda, cpu$/m);
  });

  it('reports an error that is not a CnnkitError as unexpected, with a hint to get the stack', async () => {
    const r = await runCli('info', '--backend', 'buggy');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cnnkit info: unexpected TypeError: Cannot read properties of undefined (reading 'model')");
    expect(r.stderr).toContain('run again with --verbose');
  });
});
