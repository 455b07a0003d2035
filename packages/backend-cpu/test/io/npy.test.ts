import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CnnkitError, type TensorValue, readNpy, writeNpy } from '@cnnkit/core';
import { afterAll, describe, expect, it } from 'vitest';

// fixtures/*.npy are written by NumPy itself (fixtures/make_npy.py, whose docstring lists the
// values); the expected values below are those, converted by the documented rules.
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const python = '/usr/bin/python3';
const hasNumpy = existsSync(python) && (() => {
  try {
    execFileSync(python, ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const f32 = (shape: number[], values: number[]): TensorValue => ({ dtype: 'float32', shape, data: Float32Array.from(values) });
const i32 = (shape: number[], values: number[]): TensorValue => ({ dtype: 'int32', shape, data: Int32Array.from(values) });
const fixture = (name: string): Promise<TensorValue> => readNpy(path.join(fixtures, name));

async function rejects(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CnnkitError);
  expect((error as CnnkitError).message).toMatch(pattern);
}

describe('.npy files written by NumPy', () => {
  it('reads <f4 and <i4 as they are', async () => {
    expect(await fixture('f4.npy')).toEqual(f32([2, 3], [1.5, -2.25, 3e38, 0, -0, 1e-7]));
    expect(await fixture('i4.npy')).toEqual(i32([5], [0, -1, 2147483647, -2147483648, 42]));
  });

  it('reads <f8 as float32 and <i8 as int32', async () => {
    expect(await fixture('f8.npy')).toEqual(f32([2, 2], [0.1, -1e-8, 3, 1e30]));
    expect(await fixture('i8.npy')).toEqual(i32([3, 1], [-5, 2147483647, -2147483648]));
  });

  it('reads |u1 and |b1 as int32', async () => {
    expect(await fixture('u1.npy')).toEqual(i32([2, 3], [0, 51, 102, 153, 204, 255]));
    expect(await fixture('b1.npy')).toEqual(i32([3], [1, 0, 1]));
  });

  it('reads 0-d and empty arrays, big-endian data and format versions 2.0 and 3.0', async () => {
    expect(await fixture('scalar.npy')).toEqual(f32([], [3.5]));
    expect(await fixture('empty.npy')).toEqual(f32([0, 3], []));
    expect(await fixture('be_f4.npy')).toEqual(f32([2], [1, -2.5]));
    expect(await fixture('be_i8.npy')).toEqual(i32([2], [7, -7]));
    expect(await fixture('v2.npy')).toEqual(f32([2], [0.25, -8]));
    expect(await fixture('v3.npy')).toEqual(i32([2], [3, -3]));
  });

  it('refuses Fortran order and int64 values outside int32, naming the file', async () => {
    await rejects(fixture('fortran.npy'), /^\.npy file '.*fortran\.npy': holds a Fortran-ordered array \(fortran_order: True, shape \[2, 3\]\); expected C order/);
    await rejects(fixture('i8_big.npy'), /^\.npy file '.*i8_big\.npy': element 1 of the 'i8' data is 2147483648, outside int32/);
    await rejects(fixture('missing.npy'), /^cannot read \.npy file '.*missing\.npy': ENOENT/);
    await rejects(readNpy(path.join(fixtures, 'make_npy.py')), /make_npy\.py': is not a \.npy file/);
  });
});

describe('.npy files written by cnnkit', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-npy-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const values: Record<string, TensorValue> = {
    weights: f32([2, 3], [0.25, -1, 3.5, 1e-7, -0, 3e38]),
    labels: i32([4], [0, -1, 2147483647, -2147483648]),
    scalar: f32([], [-9.5]),
    empty: i32([0, 2], []),
  };

  it('read back through our reader', async () => {
    for (const [name, value] of Object.entries(values)) {
      const file = path.join(dir, `${name}.npy`);
      await writeNpy(file, value);
      expect(await readNpy(file)).toEqual(value);
    }
  });

  // Declared skip: the NumPy cross-check needs Debian's /usr/bin/python3 with numpy (present
  // where the goldens are generated); the tests above do not.
  const numpyCheck = 'are read by NumPy (np.load, allow_pickle=False) as the same arrays';
  it.skipIf(!hasNumpy)(hasNumpy ? numpyCheck : `${numpyCheck} [skipped: ${python} with numpy not found]`, async () => {
    for (const [name, value] of Object.entries(values)) {
      const file = path.join(dir, `py-${name}.npy`);
      await writeNpy(file, value);
      const dumped = JSON.parse(execFileSync(python, [path.join(fixtures, 'make_npy.py'), 'dump', file], { encoding: 'utf8' })) as unknown;
      expect(dumped).toEqual({
        version: [1, 0],
        descr: value.dtype === 'float32' ? '<f4' : '<i4',
        fortran_order: false,
        shape: value.shape,
        values: Array.from(value.data),
      });
    }
  });
});
