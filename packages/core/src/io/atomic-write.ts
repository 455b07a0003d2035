import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CnnkitError } from '../errors';

/**
 * Writes a file so that a reader, or a process restarted after a crash or a kill, sees either the
 * previous content or the whole new content, never a torn file: the data goes to a temp file in
 * the same directory (so the rename stays on one filesystem), is fsynced, and is renamed over the
 * target; then the directory is fsynced so the rename itself survives a power cut. A killed writer
 * can leave its temp file (`.<name>.<pid>.<random>.tmp`) behind, never a damaged target.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CnnkitError('IO', `cannot write '${file}': ${(error as Error).message}`, { file }, { cause: error });
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory and some filesystems refuse to fsync one; the rename is
    // atomic all the same, only its durability across a power cut is then the filesystem's.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
