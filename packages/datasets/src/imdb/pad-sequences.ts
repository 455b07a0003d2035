import { CnnkitError } from '@cnnkit/core';

export interface PadSequencesOptions {
  /** Every row's length. */
  readonly length: number;
  /** Fills short rows (default 0, Vocabulary's padId). */
  readonly padId?: number;
  /** Which end of a long sequence survives: 'post' keeps the first `length` ids (default), 'pre' the last. */
  readonly truncate?: 'pre' | 'post';
  /** Where padding goes: 'post' after the ids (default), 'pre' before. */
  readonly pad?: 'pre' | 'post';
}

/** Cuts or pads each sequence to `length`; returns n × length ids, row-major. */
export function padSequences(sequences: readonly Int32Array[], options: PadSequencesOptions): Int32Array {
  const where = 'padSequences';
  const { length } = options;
  if (!Number.isInteger(length) || length < 1) throw new CnnkitError('INVALID_ARGUMENT', `${where}: length is ${length}; expected a positive integer`);
  const padId = options.padId ?? 0;
  if (!Number.isInteger(padId)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: padId is ${padId}; expected an integer`);
  const truncate = options.truncate ?? 'post';
  const pad = options.pad ?? 'post';
  if (truncate !== 'pre' && truncate !== 'post') throw new CnnkitError('INVALID_ARGUMENT', `${where}: truncate is ${JSON.stringify(truncate)}; expected 'pre' or 'post'`);
  if (pad !== 'pre' && pad !== 'post') throw new CnnkitError('INVALID_ARGUMENT', `${where}: pad is ${JSON.stringify(pad)}; expected 'pre' or 'post'`);
  const out = new Int32Array(sequences.length * length).fill(padId);
  sequences.forEach((sequence, row) => {
    if (!(sequence instanceof Int32Array)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: sequences[${row}] is not an Int32Array; expected token ids as Int32Array`);
    const kept = sequence.length <= length ? sequence : truncate === 'post' ? sequence.subarray(0, length) : sequence.subarray(sequence.length - length);
    const offset = pad === 'post' ? 0 : length - kept.length;
    out.set(kept, row * length + offset);
  });
  return out;
}
