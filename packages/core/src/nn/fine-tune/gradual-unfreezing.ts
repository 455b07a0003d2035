import { CnnkitError } from '../../errors';
import type { Module } from '../module';
import { type NamePattern, describePattern, nameMatcher } from '../name-pattern';

export interface GradualUnfreezingOptions {
  /** Epochs between two unfreezing steps (default 1). */
  readonly everyEpochs?: number;
}

/**
 * Gradual unfreezing (ULMFiT): the parameter groups are listed HEAD FIRST; at epoch 0 only the
 * first group trains, and every `everyEpochs` epochs the next group down is unfrozen:
 *
 *   const schedule = new GradualUnfreezing(resnet, [['fc'], ['layer4'], ['layer3'], ['layer2', 'layer1', 'conv1', 'bn1']]);
 *   // fit calls schedule.onEpochBegin(epoch) at the start of every epoch (epochs count from 0)
 *
 * The state is a function of the epoch alone, so resuming at epoch k gives the same frozen set
 * as an uninterrupted run. Parameters in no group are left as they are. Learning rates per
 * group are the optimizer's business (parameter groups).
 */
export class GradualUnfreezing {
  readonly everyEpochs: number;
  readonly #model: Module;
  readonly #groups: readonly (readonly string[])[];

  constructor(model: Module, groups: readonly (NamePattern | readonly NamePattern[])[], options: GradualUnfreezingOptions = {}) {
    const every = options.everyEpochs ?? 1;
    if (!Number.isInteger(every) || every < 1) {
      throw new CnnkitError('INVALID_ARGUMENT', `GradualUnfreezing: everyEpochs is ${JSON.stringify(every)}; expected an integer >= 1`);
    }
    if (groups.length === 0) throw new CnnkitError('INVALID_ARGUMENT', 'GradualUnfreezing: no groups given; expected at least one group of name patterns, head first');
    this.everyEpochs = every;
    this.#model = model;
    const names = model.namedParameters().map(([name]) => name);
    const claimed = new Set<string>();
    this.#groups = groups.map((group, g) => {
      const patterns = Array.isArray(group) ? (group as readonly NamePattern[]) : [group as NamePattern];
      const members: string[] = [];
      for (const pattern of patterns) {
        const matches = nameMatcher(pattern);
        const hit = names.filter(matches);
        if (hit.length === 0) {
          throw new CnnkitError('INVALID_ARGUMENT', `GradualUnfreezing: group ${g} pattern ${describePattern(pattern)} matches no parameter of ${model.describe()}; its parameter names start with ${[...new Set(names.map((n) => n.split('.')[0]))].join(', ')}`);
        }
        // A parameter in two groups belongs to the earlier (closer to the head) one.
        for (const name of hit) if (!claimed.has(name)) {
          claimed.add(name);
          members.push(name);
        }
      }
      return members;
    });
    this.applyEpoch(0);
  }

  /** How many groups train during `epoch` (0-based). */
  unfrozenGroups(epoch: number): number {
    return Math.min(this.#groups.length, 1 + Math.floor(Math.max(0, epoch) / this.everyEpochs));
  }

  /** fit()'s callback hook: pass the schedule in `callbacks` as it is. */
  onEpochBegin(epoch: number): void {
    this.applyEpoch(epoch);
  }

  /** Sets which groups train during `epoch`; returns the names unfrozen by this call. */
  applyEpoch(epoch: number): string[] {
    if (!Number.isInteger(epoch) || epoch < 0) {
      throw new CnnkitError('INVALID_ARGUMENT', `GradualUnfreezing: epoch is ${JSON.stringify(epoch)}; expected an integer >= 0 (epochs count from 0)`);
    }
    const open = this.unfrozenGroups(epoch);
    const params = new Map(this.#model.namedParameters());
    const unfrozen: string[] = [];
    this.#groups.forEach((members, g) => {
      for (const name of members) {
        const p = params.get(name);
        if (!p) continue;
        if (g < open && !p.requiresGrad) unfrozen.push(name);
        p.requiresGrad = g < open;
      }
    });
    return unfrozen;
  }
}
