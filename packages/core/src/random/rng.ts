import { CnnkitError } from '../errors';

/** An Rng's whole state, plain JSON: what a checkpoint saves to resume the same stream. */
export interface RngState {
  /** The 32-bit generator word, as an unsigned integer. */
  readonly word: number;
  /** Box–Muller makes normals in pairs; the unused second one (null when none is waiting). */
  readonly spareNormal: number | null;
}

/**
 * A small seeded PRNG: weight initialisation, dropout seeds, shuffling.
 *
 * The generator is mulberry32 (Tommy Ettinger, public domain): 32 bits of state advanced by a
 * Weyl increment (0x6D2B79F5) and mixed by two multiply-xorshift rounds. It passes
 * gjrand / PractRand far beyond what dropout and initialisation need, costs a handful of 32-bit
 * integer operations per draw (Math.imul keeps them exact in JavaScript), and never allocates, so it
 * can sit in a hot loop. Its period is 2^32: plenty for one tensor's mask or one layer's weights,
 * and `nextSeed()` / `fork()` derive fresh streams. It is not cryptographic and not PyTorch's
 * generator: the same seed gives the same stream here and nowhere else.
 */
export class Rng {
  #word: number;
  #spareNormal = NaN;

  /** `seed` is taken modulo 2^32; every seed, 0 included, gives a full-period stream. */
  constructor(seed = 0) {
    this.#word = checkSeed(seed, 'Rng') >>> 0;
  }

  /** Restarts the stream as if newly constructed with `seed`. */
  reseed(seed: number): void {
    this.#word = checkSeed(seed, 'Rng.reseed') >>> 0;
    this.#spareNormal = NaN;
  }

  /** A uniform integer in [0, 2^32). */
  nextUint32(): number {
    this.#word = (this.#word + 0x6d2b79f5) | 0;
    let z = this.#word;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  }

  /** A uniform number in [0, 1) with 32 random bits (never 1, can be 0). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform number in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.nextFloat();
  }

  /** A standard normal N(0, 1) draw (Box–Muller on two uniforms). */
  nextNormal(): number {
    if (!Number.isNaN(this.#spareNormal)) {
      const spare = this.#spareNormal;
      this.#spareNormal = NaN;
      return spare;
    }
    // 1 - u lies in (0, 1], so the log is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.nextFloat()));
    const angle = 2 * Math.PI * this.nextFloat();
    this.#spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** A seed for another generator or a seeded kernel (dropout): one draw, an integer in [0, 2^32). */
  nextSeed(): number {
    return this.nextUint32();
  }

  /** An independent generator seeded from this stream (advances this one by one draw). */
  fork(): Rng {
    return new Rng(this.nextSeed());
  }

  get state(): RngState {
    return { word: this.#word >>> 0, spareNormal: Number.isNaN(this.#spareNormal) ? null : this.#spareNormal };
  }

  set state(s: RngState) {
    const ok = typeof s === 'object' && s !== null && Number.isInteger(s.word) && s.word >= 0 && s.word < 4294967296
      && (s.spareNormal === null || (typeof s.spareNormal === 'number' && Number.isFinite(s.spareNormal)));
    if (!ok) {
      throw new CnnkitError('INVALID_ARGUMENT', `Rng.state: given ${JSON.stringify(s)}; expected { word: an integer in [0, 2^32), spareNormal: a finite number or null } (as read from rng.state)`);
    }
    this.#word = s.word | 0;
    this.#spareNormal = s.spareNormal ?? NaN;
  }
}

function checkSeed(seed: number, where: string): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: seed ${String(seed)} is not an integer; expected an integer (taken modulo 2^32)`);
  }
  return seed;
}

/**
 * The seed the default generator starts from. Fixed, like PyTorch's default generator, so a
 * program that never calls manualSeed still runs the same way twice.
 */
export const DEFAULT_SEED = 0;

const globalRng = new Rng(DEFAULT_SEED);

/** The process-wide generator that layer initialisation and dropout use unless given an Rng. */
export function defaultRng(): Rng {
  return globalRng;
}

/** Like torch.manual_seed: restarts the default generator's stream from `seed`. */
export function manualSeed(seed: number): void {
  globalRng.reseed(seed);
}
