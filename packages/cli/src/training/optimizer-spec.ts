import { Adam, AdamW, CnnkitError, CosineAnnealingLR, type LrSchedule, type Parameter, SGD, StepLR } from '@cnnkit/core';

export type OptimizerKind = 'adam' | 'adamw' | 'sgd';
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ['adam', 'adamw', 'sgd'];

/** An optimizer as the command line names it (PyTorch's names and defaults otherwise). */
export interface OptimizerSpec {
  readonly kind: OptimizerKind;
  readonly lr: number;
  /** SGD only (default 0; 0.9 is the usual choice). */
  readonly momentum?: number;
  readonly weightDecay?: number;
}

export type ScheduleSpec =
  | { readonly kind: 'none' }
  /** CosineAnnealingLR over the whole run (tMax = epochs), down to etaMin 0. */
  | { readonly kind: 'cosine' }
  /** The same cosine stepped after every batch (tMax = epochs × batches per epoch), as per-iteration PyTorch loops anneal. */
  | { readonly kind: 'cosine-steps' }
  /** StepLR: lr × gamma every stepSize epochs. */
  | { readonly kind: 'step'; readonly stepSize: number; readonly gamma: number };

export type ScheduleKind = ScheduleSpec['kind'];
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['none', 'cosine', 'cosine-steps', 'step'];

/** A parameter group: its own learning rate where given (fine-tuning's head vs body). */
export interface ParamGroupSpec {
  readonly name: string;
  readonly params: readonly Parameter[];
  readonly lr?: number;
}

export type AnyOptimizer = Adam | AdamW | SGD;

/** Builds the optimizer over the given groups (each group's lr overriding spec.lr). */
export function buildOptimizer(spec: OptimizerSpec, groups: readonly ParamGroupSpec[]): AnyOptimizer {
  const nonEmpty = groups.filter((g) => g.params.length > 0);
  if (nonEmpty.length === 0) throw new CnnkitError('INVALID_ARGUMENT', `optimizer ${spec.kind}: no trainable parameters (every parameter is frozen); expected at least one to train`);
  const specs = nonEmpty.map((g) => ({ params: g.params, ...(g.lr !== undefined ? { lr: g.lr } : {}) }));
  const weightDecay = spec.weightDecay;
  switch (spec.kind) {
    case 'sgd':
      return new SGD(specs, { lr: spec.lr, momentum: spec.momentum ?? 0, ...(weightDecay !== undefined ? { weightDecay } : {}) });
    case 'adam':
      return new Adam(specs, { lr: spec.lr, ...(weightDecay !== undefined ? { weightDecay } : {}) });
    case 'adamw':
      return new AdamW(specs, { lr: spec.lr, ...(weightDecay !== undefined ? { weightDecay } : {}) });
    default:
      throw new CnnkitError('INVALID_ARGUMENT', `optimizer '${String((spec as { kind: unknown }).kind)}' is not known; expected one of ${OPTIMIZER_KINDS.join(', ')}`);
  }
}

/** fit()'s scheduleEvery for a schedule: 'batch' for per-step cosine, else 'epoch'. */
export function scheduleEvery(spec: ScheduleSpec): 'epoch' | 'batch' {
  return spec.kind === 'cosine-steps' ? 'batch' : 'epoch';
}

/** The schedule for a run of `epochs` epochs of `batchesPerEpoch` steps, stepped by fit() as scheduleEvery(spec) says. */
export function buildSchedule(spec: ScheduleSpec, optimizer: AnyOptimizer, epochs: number, batchesPerEpoch = 1): LrSchedule | undefined {
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'cosine':
      return new CosineAnnealingLR(optimizer, Math.max(1, epochs));
    case 'cosine-steps':
      return new CosineAnnealingLR(optimizer, Math.max(1, epochs * batchesPerEpoch));
    case 'step':
      return new StepLR(optimizer, spec.stepSize, spec.gamma);
    default:
      throw new CnnkitError('INVALID_ARGUMENT', `schedule '${String((spec as { kind: unknown }).kind)}' is not known; expected one of ${SCHEDULE_KINDS.join(', ')}`);
  }
}
