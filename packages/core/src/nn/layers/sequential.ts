import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';

/**
 * torch.nn.Sequential: children named '0', '1', ... (so state dict keys read
 * 'features.0.weight', 'downsample.1.running_mean'), applied in order.
 */
export class Sequential extends Module {
  constructor(...modules: Module[]) {
    super();
    modules.forEach((m, i) => this.register(String(i), m));
  }

  /** Adds a module at the end, named by its position. */
  append(module: Module): this {
    this.register(String(this.children().length), module);
    return this;
  }

  get length(): number {
    return this.children().length;
  }

  /** The i-th child (negative counts from the end). */
  at(i: number): Module | undefined {
    const all = this.children();
    return all[i < 0 ? all.length + i : i];
  }

  forward(x: Tensor): Tensor {
    let y = x;
    for (const m of this.children()) y = m.call(y);
    return y;
  }
}
