import { afterEach, describe, expect, it, vi } from 'vitest';
import { CnnkitError } from '../errors';
import type { Backend } from './backend';
import { createBackend, defaultBackendName, registerBackend, unregisterBackend } from './create-backend';

async function rejection(p: Promise<unknown>): Promise<CnnkitError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CnnkitError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('createBackend', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    unregisterBackend('fake');
  });

  it('lists the known backends and how to install one for an unknown name', async () => {
    const e = await rejection(createBackend('cuda-magic'));
    expect(e.code).toBe('UNKNOWN_BACKEND');
    expect(e.message).toContain("unknown backend 'cuda-magic'");
    expect(e.message).toContain("'cpu' (@cnnkit/backend-cpu)");
    expect(e.message).toContain("'onnxruntime' (@cnnkit/backend-onnxruntime)");
    expect(e.message).toContain('npm install @cnnkit/backend-cpu');
  });

  it('says which package to install when a known backend is missing', async () => {
    const e = await rejection(createBackend('@cnnkit/backend-not-a-real-one'));
    expect(e.code).toBe('BACKEND_NOT_INSTALLED');
    expect(e.message).toContain("install it with 'npm install @cnnkit/backend-not-a-real-one'");
  });

  it('uses registered factories and CNNKIT_BACKEND', async () => {
    const fake = { name: 'fake' } as unknown as Backend;
    registerBackend('fake', () => fake);
    expect(await createBackend('fake')).toBe(fake);
    vi.stubEnv('CNNKIT_BACKEND', 'fake');
    expect(defaultBackendName()).toBe('fake');
    expect(await createBackend()).toBe(fake);
  });
});

describe('createBackend resolveFrom', () => {
  it('finds a backend package installed beside a tool rather than in the working directory', async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const root = await mkdtemp(path.join(tmpdir(), 'cnnkit-resolve-'));
    const pkg = path.join(root, 'node_modules', '@cnnkit', 'backend-fixture');
    await mkdir(pkg, { recursive: true });
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({ name: '@cnnkit/backend-fixture', type: 'module', main: 'index.js' }));
    await writeFile(path.join(pkg, 'index.js'), "export const createBackend = (o) => ({ name: 'fixture', options: o });\n");
    const e = await rejection(createBackend('@cnnkit/backend-fixture'));
    expect(e.code).toBe('BACKEND_NOT_INSTALLED');
    const b = (await createBackend('@cnnkit/backend-fixture', { device: 'cpu' }, { resolveFrom: [path.join(root, 'tool.js')] })) as unknown as { name: string; options: unknown };
    expect(b.name).toBe('fixture');
    expect(b.options).toEqual({ device: 'cpu' });
  });
});
