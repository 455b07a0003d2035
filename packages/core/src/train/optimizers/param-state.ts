import { engine } from '../../eager/engine';
import type { Tensor } from '../../tensor/tensor';

/**
 * One parameter's optimizer state. Tensors set here are kept out of tidy scopes, and the tensor
 * they replace is disposed: state is replaced, never mutated in place (backends' tensors may be
 * immutable).
 */
export class ParamState {
  readonly #tensors = new Map<string, Tensor>();
  readonly #counters = new Map<string, number>();

  tensor(key: string): Tensor | undefined {
    return this.#tensors.get(key);
  }

  setTensor(key: string, value: Tensor): void {
    const old = this.#tensors.get(key);
    if (old === value) return;
    this.#tensors.set(key, engine.keep(value));
    old?.dispose();
  }

  counter(key: string): number {
    return this.#counters.get(key) ?? 0;
  }

  setCounter(key: string, value: number): void {
    this.#counters.set(key, value);
  }

  get isEmpty(): boolean {
    return this.#tensors.size === 0 && this.#counters.size === 0;
  }

  entries(): { tensors: [string, Tensor][]; counters: [string, number][] } {
    return { tensors: [...this.#tensors], counters: [...this.#counters] };
  }

  dispose(): void {
    for (const t of this.#tensors.values()) t.dispose();
    this.#tensors.clear();
    this.#counters.clear();
  }
}
