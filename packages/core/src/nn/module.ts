import type { Backend } from '../backend/backend';
import { engine } from '../eager/engine';
import { CnnkitError } from '../errors';
import type { Tensor, TensorValue } from '../tensor/tensor';
import type { ModuleBuffer } from './buffer';
import { type NamePattern, describePattern, nameMatcher } from './name-pattern';
import type { Parameter } from './parameter';
import { moveTo } from './placement';
import { type LoadStateDictOptions, type LoadStateDictReport, loadState, readState } from './state-dict';

/** A parameter or buffer as the state dict sees it: something with a value that can be replaced. */
export type StateHolder = Parameter | ModuleBuffer;

/**
 * torch.nn.Module: a tree of named children, parameters and buffers. Subclasses register what
 * they own in constructor order, under torchvision's names, and keep it in ordinary fields:
 *
 *   this.conv1 = this.register('conv1', new Conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false }));
 *
 * Registration order is the order of `namedParameters()` and of the state dict's keys, as in
 * PyTorch. Fields must be ordinary (not #private) so that `replaceModule` can swap a child.
 */
export abstract class Module {
  /** Train mode (batch statistics, dropout on) or eval mode; set with train() / eval(). */
  training = true;
  readonly #parameters = new Map<string, Parameter>();
  readonly #buffers = new Map<string, ModuleBuffer>();
  readonly #children = new Map<string, Module>();

  abstract forward(x: Tensor): Tensor;

  /** Runs forward, after checking that this module's own tensors live on an eager backend. */
  call(x: Tensor): Tensor {
    // A trace only reads the state's values, so host-built models trace without a backend.
    const tracer = engine.tracer;
    if (tracer) return tracer.within(this, () => this.forward(x));
    for (const [name, holder] of this.#ownState()) {
      if (holder.value.backend === 'host') {
        throw new CnnkitError('INVALID_ARGUMENT', `${this.describe()}: '${name}' lives on the host, not on an eager backend; expected the model built after setBackend(...), or moved with await model.toBackend()`);
      }
    }
    return this.forward(x);
  }

  register<M extends Module>(name: string, module: M): M {
    this.#checkNewName(name, 'register');
    this.#children.set(name, module);
    return module;
  }

  registerParameter(name: string, parameter: Parameter): Parameter {
    this.#checkNewName(name, 'registerParameter');
    this.#parameters.set(name, parameter);
    return parameter;
  }

  registerBuffer(name: string, buffer: ModuleBuffer): ModuleBuffer {
    this.#checkNewName(name, 'registerBuffer');
    this.#buffers.set(name, buffer);
    return buffer;
  }

  /**
   * Replaces the child registered as `name`, keeping its place in the order, and points any
   * field of this module that held the old child at the new one.
   */
  replaceChild(name: string, module: Module): Module {
    const old = this.#children.get(name);
    if (!old) {
      throw new CnnkitError('INVALID_ARGUMENT', `${this.describe()}: has no child '${name}'; its children are ${listOrNone([...this.#children.keys()])}`);
    }
    this.#children.set(name, module);
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) if (fields[key] === old) fields[key] = module;
    return old;
  }

  namedChildren(): [string, Module][] {
    return [...this.#children];
  }

  children(): Module[] {
    return [...this.#children.values()];
  }

  /** Every module of the tree, this one first (named ''), depth first, with dotted paths. */
  namedModules(prefix = ''): [string, Module][] {
    const out: [string, Module][] = [[prefix, this]];
    for (const [name, child] of this.#children) out.push(...child.namedModules(join(prefix, name)));
    return out;
  }

  /** Parameters with dotted names, in registration order; a parameter shared by two modules is listed once. */
  namedParameters(): [string, Parameter][] {
    const seen = new Set<Parameter>();
    const out: [string, Parameter][] = [];
    for (const [path, m] of this.namedModules()) {
      for (const [name, p] of m.#parameters) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push([join(path, name), p]);
      }
    }
    return out;
  }

  parameters(): Parameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  namedBuffers(): [string, ModuleBuffer][] {
    const out: [string, ModuleBuffer][] = [];
    for (const [path, m] of this.namedModules()) for (const [name, b] of m.#buffers) out.push([join(path, name), b]);
    return out;
  }

  buffers(): ModuleBuffer[] {
    return this.namedBuffers().map(([, b]) => b);
  }

  /** State dict entries in PyTorch's order: own parameters, own buffers, then each child's. */
  namedState(prefix = ''): [string, StateHolder][] {
    const out: [string, StateHolder][] = this.#ownState().map(([name, h]) => [join(prefix, name), h]);
    for (const [name, child] of this.#children) out.push(...child.namedState(join(prefix, name)));
    return out;
  }

  /** The module at a dotted path ('layer4.1.conv2', 'classifier.6'); '' is this module. */
  getSubmodule(path: string): Module {
    if (path === '') return this;
    let m: Module = this;
    const walked: string[] = [];
    for (const part of path.split('.')) {
      const next = m.#children.get(part);
      if (!next) {
        const where = walked.length ? `'${walked.join('.')}' (${m.describe()})` : `the model (${m.describe()})`;
        throw new CnnkitError('INVALID_ARGUMENT', `no module at '${path}': ${where} has no child '${part}'; its children are ${listOrNone([...m.#children.keys()])}`, { path });
      }
      walked.push(part);
      m = next;
    }
    return m;
  }

  /** Sets train mode on this module and every descendant (eval mode when mode is false). */
  train(mode = true): this {
    for (const [, m] of this.namedModules()) m.training = mode;
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** Stops gradients for the parameters whose names match (all without a pattern); returns their names. */
  freeze(pattern?: NamePattern): string[] {
    return this.#setRequiresGrad(false, pattern, 'freeze');
  }

  /** Lets gradients flow again to the parameters whose names match (all without a pattern); returns their names. */
  unfreeze(pattern?: NamePattern): string[] {
    return this.#setRequiresGrad(true, pattern, 'unfreeze');
  }

  /** How many values the parameters hold (only trainable ones with trainableOnly), as PyTorch counts them. */
  parameterCount(options: { trainableOnly?: boolean } = {}): number {
    return this.parameters().filter((p) => !options.trainableOnly || p.requiresGrad).reduce((n, p) => n + p.value.size, 0);
  }

  /** Parameters and buffers as host values under torchvision's keys (copies: later training does not change them). */
  stateDict(): Promise<Record<string, TensorValue>> {
    return readState(this.namedState());
  }

  /**
   * Loads a state dict. Strict (the default): any missing, unexpected or mismatched (shape or
   * dtype) key throws one error listing them all, and nothing is loaded. Non-strict: loads the
   * keys that match and reports the rest.
   */
  loadStateDict(state: Readonly<Record<string, TensorValue>>, options: LoadStateDictOptions = {}): LoadStateDictReport {
    return loadState(this.namedState(), state, options, this.describe());
  }

  /** Moves every parameter and buffer onto `backend` (default: the current eager backend). */
  async toBackend(backend: Backend = engine.backend): Promise<this> {
    for (const [, holder] of this.namedState()) {
      if (holder.value.backend !== backend.name) holder.assign(await moveTo(holder.value, backend));
    }
    return this;
  }

  /** Frees every parameter's and buffer's tensors (and gradients); the module is unusable afterwards. */
  dispose(): void {
    for (const [, holder] of this.namedState()) {
      holder.value.dispose();
      if ('zeroGrad' in holder) holder.zeroGrad();
    }
  }

  /** The constructor arguments worth showing, as PyTorch's extra_repr ('3, 64, kernel_size=(3, 3)'). */
  extraRepr(): string {
    return '';
  }

  /** One line: the class and its extra repr, e.g. Conv2d(3, 64, kernel_size=(3, 3), bias=False). */
  describe(): string {
    return `${this.constructor.name}(${this.extraRepr()})`;
  }

  /** The whole tree, as PyTorch prints modules. */
  toString(): string {
    if (this.#children.size === 0) return this.describe();
    const lines = [...this.#children].map(([name, child]) => `  (${name}): ${child.toString().replace(/\n/g, '\n  ')}`);
    const extra = this.extraRepr();
    return `${this.constructor.name}(\n${extra ? `  ${extra}\n` : ''}${lines.join('\n')}\n)`;
  }

  #ownState(): [string, StateHolder][] {
    return [...this.#parameters, ...this.#buffers];
  }

  #checkNewName(name: string, what: string): void {
    if (typeof name !== 'string' || name === '' || name.includes('.')) {
      throw new CnnkitError('INVALID_ARGUMENT', `${this.describe()}.${what}: name ${JSON.stringify(name)} is not allowed; expected a non-empty name without '.'`);
    }
    if (this.#parameters.has(name) || this.#buffers.has(name) || this.#children.has(name)) {
      throw new CnnkitError('INVALID_ARGUMENT', `${this.describe()}.${what}: '${name}' is already registered; expected a new name (use replaceChild to swap a child)`);
    }
  }

  #setRequiresGrad(requiresGrad: boolean, pattern: NamePattern | undefined, what: string): string[] {
    const named = this.namedParameters();
    const matches = pattern === undefined ? () => true : nameMatcher(pattern);
    const hit = named.filter(([name]) => matches(name));
    if (pattern !== undefined && hit.length === 0) {
      const tops = [...new Set(named.map(([name]) => name.split('.')[0]!))];
      throw new CnnkitError('INVALID_ARGUMENT', `${what}(${describePattern(pattern)}): no parameter name matches; expected a name prefix, glob or RegExp matching some of ${this.describe()}'s parameters, whose names start with ${listOrNone(tops)}`);
    }
    for (const [, p] of hit) p.requiresGrad = requiresGrad;
    return hit.map(([name]) => name);
  }
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

function listOrNone(names: readonly string[]): string {
  return names.length ? names.map((n) => `'${n}'`).join(', ') : '(none)';
}
