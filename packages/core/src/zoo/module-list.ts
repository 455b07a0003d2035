import { CnnkitError } from '../errors';
import type { Tensor } from '../tensor/tensor';
import { Module } from '../nn/module';

/**
 * torch.nn.ModuleList: children named '0', '1', ... (keys 'convs.0.weight') that the owner
 * calls itself; unlike Sequential it has no forward of its own.
 */
export class ModuleList<M extends Module = Module> extends Module {
  readonly #items: M[];

  constructor(modules: readonly M[]) {
    super();
    this.#items = [...modules];
    this.#items.forEach((m, i) => this.register(String(i), m));
  }

  get items(): readonly M[] {
    return this.#items;
  }

  forward(_x: Tensor): Tensor {
    throw new CnnkitError('INVALID_ARGUMENT', `ModuleList: has no forward; expected its owner to call its ${this.#items.length} modules one by one`);
  }
}
