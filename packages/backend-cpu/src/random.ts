/**
 * A small seeded PRNG for the cpu backend: dropout masks and weight initialisation.
 *
 * The generator is mulberry32 (Tommy Ettinger, public domain): 32 bits of state advanced by a
 * Weyl increment (0x6D2B79F5) and mixed by two multiply-xorshift rounds. It passes
 * gjrand / PractRand far beyond what dropout and initialisation need, costs a handful of 32-bit
 * integer operations per draw (Math.imul keeps them exact in JavaScript), and never allocates, so it
 * can sit in a hot loop. Its period is 2^32: plenty for one tensor's mask, and a fresh generator is
 * seeded per call anyway. It is not cryptographic and not PyTorch's generator: the same seed gives
 * the same stream here and nowhere else.
 */
export class SeededRandom {
  #state: number;
  /** Box–Muller makes normals in pairs; the second one waits here. */
  #spareNormal = NaN;

  /** `seed` is taken modulo 2^32; every seed, 0 included, gives a full-period stream. */
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A uniform integer in [0, 2^32). */
  nextUint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let z = this.#state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  }

  /** A uniform number in [0, 1) with 32 random bits (never 1, can be 0). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
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
}
