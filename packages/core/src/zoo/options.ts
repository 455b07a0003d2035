import { CnnkitError } from '../errors';
import { withoutInitDraws } from '../nn/init';
import { Rng, defaultRng } from '../random/rng';

/** What every model of the zoo takes; families add their own (see each model's options). */
export interface CommonModelOptions {
  /** Size of the classifier's output. */
  readonly numClasses?: number;
  /**
   * Generator for the initial weights (default: the global one, see manualSeed). Dropout masks
   * always draw from the global generator, the one fit() saves in checkpoints.
   */
  readonly rng?: Rng;
  /**
   * Build without drawing any initial weight: every weight and bias starts at 0 (BatchNorm at
   * weight 1, bias 0, running statistics 0 / 1), and no generator advances. For a model whose
   * weights loadStateDict replaces next, or that is only counted: VGG-16's 138 M random draws
   * take seconds.
   */
  readonly skipInit?: boolean;
}

/** A generator whose uniform and normal draws are all 0, for layers that draw in their own loop (Embedding). */
class NoDrawRng extends Rng {
  override uniform(): number {
    return 0;
  }

  override nextNormal(): number {
    return 0;
  }
}

/** How a model's layers get their first values. */
export interface InitPlan {
  /** Builds layers whose PyTorch default init the model keeps (ResNet's fc, all of LeNet), drawing from `rng`; undrawn zeros with skipInit. */
  kept<T>(build: (rng: Rng) => T): T;
  /** Builds layers whose weights the model's own init replaces straight after (torchvision's kaiming convolutions): their default init is not drawn. */
  replaced<T>(build: () => T): T;
  /** What the model's own init draws from; undefined with skipInit, when there is no init. */
  readonly init: Rng | undefined;
}

export function initPlan(o: CommonModelOptions): InitPlan {
  if (o.skipInit) {
    const noDraws = new NoDrawRng();
    return { kept: (build) => withoutInitDraws(() => build(noDraws)), replaced: withoutInitDraws, init: undefined };
  }
  const rng = o.rng ?? defaultRng();
  return { kept: (build) => build(rng), replaced: withoutInitDraws, init: rng };
}

/** An integer option >= min (its default when undefined), or a CnnkitError naming the model. */
export function intOption(value: unknown, fallback: number, name: string, where: string, min: number, why = ''): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} is ${JSON.stringify(value)}; expected an integer >= ${min}${why}`);
  }
  return v;
}
