import { engine } from '../../eager/engine';
import { CnnkitError } from '../../errors';
import type { Parameter } from '../../nn/parameter';
import { formatShape, shapesEqual } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import type { HyperValue, OptimizerState, SavedParamGroup, SavedParamState } from './optimizer-state';
import { ParamState } from './param-state';

/** An optimizer's hyper-parameters; every optimizer has a learning rate. */
export type Hyper = { lr: number } & Record<string, HyperValue>;

/** A parameter group as torch keeps it: its parameters plus its own (mutable) hyper-parameters. */
export type ParamGroup<H extends Hyper> = H & { readonly params: readonly Parameter[] };

/** A group as given to a constructor: hyper-parameters left out fall back to the optimizer's defaults. */
export type ParamGroupSpec<H extends Hyper> = Partial<H> & { readonly params: readonly Parameter[] };

/** A plain list of parameters (one group), or torch-style groups with their own options. */
export type ParamsInput<H extends Hyper> = readonly Parameter[] | readonly ParamGroupSpec<H>[];

/**
 * torch.optim.Optimizer: parameter groups, step(), zeroGrad(), stateDict() / loadStateDict().
 * step() skips parameters without a gradient or with requiresGrad false, runs without recording
 * on any tape, and replaces values and state tensors rather than mutating them.
 */
export abstract class Optimizer<H extends Hyper> {
  readonly paramGroups: ParamGroup<H>[] = [];
  readonly #defaults: H;
  readonly #state = new Map<Parameter, ParamState>();

  protected constructor(readonly name: string, params: ParamsInput<H>, defaults: H) {
    this.#defaults = defaults;
    this.validate(defaults, `${name} options`);
    if (params.length === 0) throw new CnnkitError('INVALID_ARGUMENT', `${name}: given an empty parameter list; expected at least one Parameter`);
    if (isGroupList(params)) for (const g of params) this.addParamGroup(g);
    else this.addParamGroup({ params } as ParamGroupSpec<H>);
  }

  /** Adds a group (torch's add_param_group), e.g. when gradual unfreezing makes more layers trainable. */
  addParamGroup(spec: ParamGroupSpec<H>): void {
    const where = `${this.name} param group ${this.paramGroups.length}`;
    const options: Record<string, unknown> = { ...this.#defaults };
    for (const [key, value] of Object.entries(spec)) {
      if (key === 'params' || value === undefined) continue;
      if (!(key in this.#defaults)) {
        throw new CnnkitError('INVALID_ARGUMENT', `${where}: unknown option '${key}'; expected one of ${Object.keys(this.#defaults).join(', ')}`);
      }
      options[key] = value;
    }
    this.validate(options as H, where);
    const seen = new Set(this.paramGroups.flatMap((g) => g.params));
    spec.params.forEach((p, i) => {
      if (seen.has(p)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: parameter ${i} already belongs to a parameter group; each parameter may appear in one group only`);
      seen.add(p);
    });
    this.paramGroups.push({ ...(options as H), params: [...spec.params] });
  }

  /** One update of every parameter that has a gradient. */
  step(): void {
    engine.noGrad(() => {
      for (const group of this.paramGroups) {
        for (const p of group.params) {
          const grad = p.grad;
          if (!p.requiresGrad || !grad) continue;
          let state = this.#state.get(p);
          if (!state) this.#state.set(p, (state = new ParamState()));
          const s = state;
          engine.tidy(() => this.update(p, grad, group, s));
        }
      }
    });
  }

  /** Clears every parameter's gradient (torch's zero_grad(set_to_none=True)). */
  zeroGrad(): void {
    for (const group of this.paramGroups) for (const p of group.params) p.zeroGrad();
  }

  /** Frees every state tensor (momentum buffers, moment estimates); the optimizer starts afresh after. */
  dispose(): void {
    for (const state of this.#state.values()) state.dispose();
    this.#state.clear();
  }

  /** Throws CnnkitError if a hyper-parameter is out of range. */
  protected abstract validate(options: H, where: string): void;

  /** Updates one parameter from its gradient; runs inside a tidy scope, without a tape. */
  protected abstract update(param: Parameter, grad: Tensor, group: H, state: ParamState): void;

  async stateDict(): Promise<OptimizerState> {
    const state: Record<number, SavedParamState> = {};
    const paramGroups: SavedParamGroup[] = [];
    let index = 0;
    for (const group of this.paramGroups) {
      const ids: number[] = [];
      for (const p of group.params) {
        const s = this.#state.get(p);
        if (s && !s.isEmpty) {
          const entry: Record<string, SavedParamState[string]> = {};
          const { tensors, counters } = s.entries();
          for (const [key, n] of counters) entry[key] = n;
          for (const [key, t] of tensors) {
            const v = await t.toValue();
            entry[key] = { dtype: v.dtype, shape: [...v.shape], data: v.data.slice() };
          }
          state[index] = entry;
        }
        ids.push(index++);
      }
      const { params: _params, ...options } = group;
      paramGroups.push({ params: ids, options: copyOptions(options) });
    }
    return { optimizer: this.name, state, paramGroups };
  }

  /** Restores hyper-parameters and per-parameter state saved by stateDict() of an optimizer over the same parameters. */
  loadStateDict(saved: OptimizerState): void {
    const where = `${this.name}.loadStateDict`;
    if (saved.optimizer !== this.name) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: the state was saved by ${saved.optimizer}; expected ${this.name}`);
    }
    if (saved.paramGroups.length !== this.paramGroups.length) {
      throw new CnnkitError('SHAPE_MISMATCH', `${where}: the state has ${saved.paramGroups.length} parameter groups; this optimizer has ${this.paramGroups.length}`);
    }
    const params: Parameter[] = [];
    const options: H[] = [];
    this.paramGroups.forEach((group, g) => {
      const s = saved.paramGroups[g]!;
      if (s.params.length !== group.params.length) {
        throw new CnnkitError('SHAPE_MISMATCH', `${where}: saved parameter group ${g} has ${s.params.length} parameters; this optimizer's has ${group.params.length}`);
      }
      const merged = { ...this.#defaults } as Record<string, HyperValue>;
      for (const key of Object.keys(this.#defaults)) {
        if (!(key in s.options)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: saved parameter group ${g} lacks '${key}'`);
        merged[key] = s.options[key]!;
      }
      this.validate(merged as H, `${where} group ${g}`);
      options.push(merged as H);
      s.params.forEach((id, k) => (params[id] = group.params[k]!));
    });
    const next = new Map<Parameter, ParamState>();
    try {
      for (const [key, entry] of Object.entries(saved.state)) {
        const p = params[Number(key)];
        if (!p) throw new CnnkitError('INVALID_ARGUMENT', `${where}: state for parameter ${key}, which no group lists (${params.length} parameters)`);
        next.set(p, restoreParamState(entry, p, `${where} parameter ${key}`));
      }
    } catch (error) {
      for (const s of next.values()) s.dispose();
      throw error;
    }
    for (const s of this.#state.values()) s.dispose();
    this.#state.clear();
    for (const [p, s] of next) this.#state.set(p, s);
    this.paramGroups.forEach((group, g) => Object.assign(group, options[g]));
  }
}

function isGroupList<H extends Hyper>(params: ParamsInput<H>): params is readonly ParamGroupSpec<H>[] {
  const first = params[0] as unknown;
  return typeof first === 'object' && first !== null && 'params' in first;
}

function copyOptions(options: Record<string, HyperValue>): Record<string, HyperValue> {
  const out: Record<string, HyperValue> = {};
  for (const [k, v] of Object.entries(options)) out[k] = Array.isArray(v) ? ([v[0], v[1]] as const) : v;
  return out;
}

function restoreParamState(entry: SavedParamState, p: Parameter, where: string): ParamState {
  const state = new ParamState();
  try {
    for (const [key, v] of Object.entries(entry)) {
      if (typeof v === 'number') {
        state.setCounter(key, v);
        continue;
      }
      if (v.dtype !== p.value.dtype || !shapesEqual(v.shape, p.value.shape)) {
        throw new CnnkitError('SHAPE_MISMATCH', `${where}: ${key} is ${v.dtype} ${formatShape(v.shape)}; expected the parameter's ${p.value.dtype} ${formatShape(p.value.shape)}`);
      }
      state.setTensor(key, engine.upload({ dtype: v.dtype, shape: v.shape, data: v.data.slice() }));
    }
  } catch (error) {
    state.dispose();
    throw error;
  }
  return state;
}
