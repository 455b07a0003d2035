import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSafetensors, writeSafetensors } from '@cnnkit/core';
import { afterAll, describe, expect, it } from 'vitest';

// fixtures/golden.safetensors is written BY HAND (struct + json) by fixtures/make_safetensors.py,
// an implementation of the format independent of ours; the values below are the ones that
// script packs (see its docstring).
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const python = '/usr/bin/python3';

describe('safetensors against an independent (Python, by hand) implementation', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-st-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the Python-written file, converting I64 to int32 and F64 to float32', async () => {
    const { tensors, metadata } = await readSafetensors(path.join(fixtures, 'golden.safetensors'));
    expect(metadata).toEqual({ format: 'pt', source: 'make_safetensors.py' });
    expect([...tensors.keys()]).toEqual(['conv.weight', 'fc.bias', 'labels', 'bn.num_batches_tracked', 'counts', 'scale']);
    expect(tensors.get('conv.weight')).toEqual({ dtype: 'float32', shape: [2, 1, 2, 2], data: Float32Array.of(-1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2) });
    expect(tensors.get('fc.bias')).toEqual({ dtype: 'float32', shape: [3], data: Float32Array.of(1e-3, -2.5, 3e38) });
    expect(tensors.get('labels')).toEqual({ dtype: 'int32', shape: [4], data: Int32Array.of(0, -1, 2147483647, -2147483648) });
    expect(tensors.get('bn.num_batches_tracked')).toEqual({ dtype: 'int32', shape: [], data: Int32Array.of(42) });
    expect(tensors.get('counts')).toEqual({ dtype: 'int32', shape: [2], data: Int32Array.of(-7, 100000) });
    expect(tensors.get('scale')).toEqual({ dtype: 'float32', shape: [2], data: Float32Array.of(0.1, -1e-8) });
  });

  it('writes files that read back the same, through our reader', async () => {
    const golden = await readSafetensors(path.join(fixtures, 'golden.safetensors'));
    const file = path.join(dir, 'ours.safetensors');
    await writeSafetensors(file, golden.tensors, golden.metadata);
    const back = await readSafetensors(file);
    expect([...back.tensors.entries()]).toEqual([...golden.tensors.entries()]);
    expect(back.metadata).toEqual(golden.metadata);
  });

  // Declared skip: the Python cross-check needs Debian's /usr/bin/python3 (present where the
  // goldens are generated); the two tests above do not.
  it.skipIf(!existsSync(python))('writes files that the Python reader reads', async () => {
    const file = path.join(dir, 'for-python.safetensors');
    await writeSafetensors(file, {
      w: { dtype: 'float32', shape: [2, 2], data: Float32Array.of(0.25, -1, 3.5, 1e-7) },
      n: { dtype: 'int32', shape: [], data: Int32Array.of(-9) },
    }, { producer: 'cnnkit' });
    const dumped = JSON.parse(execFileSync(python, [path.join(fixtures, 'make_safetensors.py'), 'dump', file], { encoding: 'utf8' })) as unknown;
    expect(dumped).toEqual({
      metadata: { producer: 'cnnkit' },
      tensors: {
        w: { dtype: 'F32', shape: [2, 2], values: [0.25, -1, 3.5, Math.fround(1e-7)] },
        n: { dtype: 'I32', shape: [], values: [-9] },
      },
    });
  });
});
