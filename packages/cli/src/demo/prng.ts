/**
 * mulberry32 (Tommy Ettinger, public domain): 32 bits of state, a Weyl step and two
 * multiply-xorshift rounds. Tiny, fast and well mixed, which is all weight initialisation needs;
 * the same seed gives the same weights on every platform (Math.imul keeps it exact), so the
 * demo's numbers are reproducible. Not PyTorch's generator, and not cryptographic.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` values drawn uniformly from [-bound, bound). */
export function uniformArray(random: () => number, count: number, bound: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (2 * random() - 1) * bound;
  return out;
}
