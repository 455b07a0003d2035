import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCnnkitError } from '../errors';
import { writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-atomic-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes, replaces, and leaves no temp file behind', async () => {
    const file = path.join(dir, 'a.bin');
    await writeFileAtomic(file, Uint8Array.of(1, 2, 3));
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
    await writeFileAtomic(file, 'text');
    expect(await readFile(file, 'utf8')).toBe('text');
    expect(await readdir(dir)).toEqual(['a.bin']);
  });

  it('fails with an IO error naming the file and leaves the old content when it cannot write', async () => {
    const file = path.join(dir, 'kept.txt');
    await writeFile(file, 'old');
    let error: unknown;
    try {
      await writeFileAtomic(path.join(dir, 'missing-dir', 'f.txt'), 'new');
    } catch (e) {
      error = e;
    }
    expect(isCnnkitError(error, 'IO')).toBe(true);
    expect((error as Error).message).toMatch(/cannot write '.*missing-dir.f\.txt'/);
    expect(await readFile(file, 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
