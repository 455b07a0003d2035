import { readFile } from 'node:fs/promises';
import { CnnkitError } from '../../errors';
import { writeFileAtomic } from '../atomic-write';
import { type SafetensorsContents, parseSafetensors } from './parse';
import { type NamedTensorValues, serializeSafetensors } from './serialize';

/** Reads and fully validates a safetensors file. */
export async function readSafetensors(file: string): Promise<SafetensorsContents> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CnnkitError('IO', `cannot read safetensors file '${file}': ${(error as Error).message}`, { file }, { cause: error });
  }
  return parseSafetensors(bytes, file);
}

/** Writes a safetensors file atomically: a reader sees the old file or the whole new one. */
export async function writeSafetensors(file: string, tensors: NamedTensorValues, metadata?: Readonly<Record<string, string>>): Promise<void> {
  await writeFileAtomic(file, serializeSafetensors(tensors, metadata, `safetensors file '${file}'`));
}
