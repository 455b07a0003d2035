/** Peak growth of the process's memory over a cell, in bytes, against its level when the cell began. */
export interface MemoryPeak {
  readonly rssBytes: number;
  /** Memory of ArrayBuffers and native objects owned by JS (Float32Arrays, wasm memories, ORT tensors). */
  readonly externalBytes: number;
}

/**
 * Samples process.memoryUsage() on a timer and whenever asked (sample()). A kernel that runs
 * synchronously blocks the timer, so callers also sample after each run: resident memory a run
 * grew is still resident right after it, so the peak is seen either way.
 */
export class MemorySampler {
  readonly #baseRss: number;
  readonly #baseExternal: number;
  #peakRss: number;
  #peakExternal: number;
  readonly #timer: NodeJS.Timeout;

  constructor(intervalMs = 5) {
    const m = process.memoryUsage();
    this.#baseRss = this.#peakRss = m.rss;
    this.#baseExternal = this.#peakExternal = m.external + m.arrayBuffers;
    this.#timer = setInterval(() => this.sample(), intervalMs);
    this.#timer.unref();
  }

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.#peakRss) this.#peakRss = m.rss;
    const external = m.external + m.arrayBuffers;
    if (external > this.#peakExternal) this.#peakExternal = external;
  }

  stop(): MemoryPeak {
    clearInterval(this.#timer);
    this.sample();
    return { rssBytes: this.#peakRss - this.#baseRss, externalBytes: this.#peakExternal - this.#baseExternal };
  }
}
