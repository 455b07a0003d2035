import { CnnkitError } from '@cnnkit/core';

export interface VocabularyBuildOptions {
  /** Keep tokens seen at least this many times (default 1). */
  readonly minFrequency?: number;
  /** At most this many entries, the two special tokens included (default: no limit). */
  readonly maxSize?: number;
}

export interface VocabularyJson {
  readonly format: 'cnnkit-vocabulary';
  readonly version: 1;
  readonly tokens: string[];
}

const FORMAT = 'cnnkit-vocabulary';

/**
 * Token <-> id mapping. Id 0 is padding, id 1 stands for every token not in the vocabulary; the
 * rest are ordered most frequent first, ties broken alphabetically (by UTF-16 code units), so
 * the same documents always give the same ids.
 */
export class Vocabulary {
  static readonly PAD = '<pad>';
  static readonly UNK = '<unk>';

  readonly padId = 0 as const;
  readonly unkId = 1 as const;
  readonly #tokens: readonly string[];
  readonly #ids: ReadonlyMap<string, number>;

  private constructor(tokens: readonly string[]) {
    this.#tokens = tokens;
    this.#ids = new Map(tokens.map((token, id) => [token, id]));
  }

  /** Counts tokens over `documents` and keeps the most frequent (see the class comment for the order). */
  static build(documents: Iterable<readonly string[]>, options: VocabularyBuildOptions = {}): Vocabulary {
    const minFrequency = options.minFrequency ?? 1;
    if (!Number.isInteger(minFrequency) || minFrequency < 1) {
      throw new CnnkitError('INVALID_ARGUMENT', `Vocabulary.build: minFrequency is ${minFrequency}; expected a positive integer`);
    }
    const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
    if (maxSize !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxSize) || maxSize < 2)) {
      throw new CnnkitError('INVALID_ARGUMENT', `Vocabulary.build: maxSize is ${maxSize}; expected an integer >= 2 (it counts '${Vocabulary.PAD}' and '${Vocabulary.UNK}')`);
    }
    const counts = new Map<string, number>();
    for (const document of documents) {
      for (const token of document) {
        // The specials keep their fixed ids; a document spelling them out does not add them again.
        if (token === Vocabulary.PAD || token === Vocabulary.UNK) continue;
        counts.set(token, (counts.get(token) ?? 0) + 1);
      }
    }
    const kept = [...counts].filter(([, count]) => count >= minFrequency);
    kept.sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0));
    const words = kept.slice(0, Math.max(0, maxSize - 2)).map(([token]) => token);
    return new Vocabulary([Vocabulary.PAD, Vocabulary.UNK, ...words]);
  }

  /** Restores a vocabulary saved with toJSON(), checking its shape. */
  static fromJSON(json: unknown): Vocabulary {
    const where = 'Vocabulary.fromJSON';
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: got ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}; expected an object { format: '${FORMAT}', version: 1, tokens: string[] }`);
    }
    const record = json as Record<string, unknown>;
    if (record['format'] !== FORMAT) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: format is ${JSON.stringify(record['format'])}; expected '${FORMAT}'`);
    }
    if (record['version'] !== 1) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: version is ${JSON.stringify(record['version'])}; expected 1 (the only version this cnnkit reads)`);
    }
    const tokens = record['tokens'];
    if (!Array.isArray(tokens)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: tokens is ${typeof tokens}; expected an array of strings`);
    const badIndex = tokens.findIndex((t) => typeof t !== 'string');
    if (badIndex >= 0) throw new CnnkitError('INVALID_ARGUMENT', `${where}: tokens[${badIndex}] is ${typeof tokens[badIndex]}; expected a string`);
    if (tokens[0] !== Vocabulary.PAD || tokens[1] !== Vocabulary.UNK) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: tokens start with ${JSON.stringify(tokens.slice(0, 2))}; expected ["${Vocabulary.PAD}", "${Vocabulary.UNK}"]`);
    }
    const seen = new Set<string>();
    for (const [index, token] of (tokens as string[]).entries()) {
      if (seen.has(token)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: token ${JSON.stringify(token)} appears again at index ${index}; expected each token once`);
      seen.add(token);
    }
    return new Vocabulary([...(tokens as string[])]);
  }

  /** Number of ids, the two specials included. */
  get size(): number {
    return this.#tokens.length;
  }

  /** The token's id, or unkId for a token not in the vocabulary. */
  id(token: string): number {
    return this.#ids.get(token) ?? this.unkId;
  }

  token(id: number): string {
    const token = Number.isInteger(id) ? this.#tokens[id] : undefined;
    if (token === undefined) throw new CnnkitError('INVALID_ARGUMENT', `Vocabulary.token: id ${id}; expected an integer in [0, ${this.#tokens.length - 1}]`);
    return token;
  }

  encode(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.id(tokens[i]!);
    return ids;
  }

  toJSON(): VocabularyJson {
    return { format: FORMAT, version: 1, tokens: [...this.#tokens] };
  }
}
