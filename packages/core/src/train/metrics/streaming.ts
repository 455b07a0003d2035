import { CnnkitError } from '../../errors';
import type { TypedArray } from '../../tensor/dtype';
import type { StaticShape } from '../../tensor/shape';
import { argmaxRows, topKAccuracy } from './accuracy';
import { addConfusion, type ConfusionMatrix, confusionMatrix } from './confusion-matrix';
import { classificationReport } from './precision-recall-f1';

/**
 * A metric accumulated over the batches of an epoch: fit() calls update with each batch's model
 * output (host copy of the logits and their shape) and targets, and result() at the epoch's end.
 */
export interface Metric {
  /** The key in the epoch logs ('accuracy'; validation gets 'val_' in front). */
  readonly name: string;
  reset(): void;
  update(scores: Float32Array, scoresShape: StaticShape, target: TypedArray): void;
  result(): number;
}

/** Metrics fit() knows by name. */
export type MetricName = 'accuracy' | 'top5_accuracy' | 'macro_f1';

/** [N, C] class scores, or binary logits [N] / [N, 1]. */
function classesOf(shape: StaticShape, where: string): number {
  if (shape.length === 1) return 1;
  if (shape.length === 2) return shape[1]!;
  throw new CnnkitError('SHAPE_MISMATCH', `${where}: model output has shape [${shape.join(', ')}]; expected [N, classes] scores or [N] / [N, 1] binary logits`);
}

/**
 * Fraction of samples classified right. With [N, C] scores the prediction is the argmax and the
 * target an int32 class; with one logit per sample (binary cross-entropy) the prediction is
 * logit > 0 and the target 0 / 1.
 */
class AccuracyMetric implements Metric {
  readonly name = 'accuracy';
  #correct = 0;
  #count = 0;

  reset(): void {
    this.#correct = 0;
    this.#count = 0;
  }

  update(scores: Float32Array, shape: StaticShape, target: TypedArray): void {
    const classes = classesOf(shape, 'accuracy metric');
    const n = shape[0]!;
    if (target.length !== n) throw new CnnkitError('SHAPE_MISMATCH', `accuracy metric: ${n} outputs but ${target.length} targets; expected one target per sample`);
    if (classes === 1) {
      for (let i = 0; i < n; i++) if ((scores[i]! > 0 ? 1 : 0) === (target[i]! >= 0.5 ? 1 : 0)) this.#correct++;
    } else {
      const predicted = argmaxRows(scores, classes);
      for (let i = 0; i < n; i++) if (predicted[i] === target[i]) this.#correct++;
    }
    this.#count += n;
  }

  result(): number {
    return this.#count === 0 ? 0 : this.#correct / this.#count;
  }
}

class TopKAccuracyMetric implements Metric {
  readonly name: string;
  #correct = 0;
  #count = 0;

  constructor(readonly k: number) {
    this.name = `top${k}_accuracy`;
  }

  reset(): void {
    this.#correct = 0;
    this.#count = 0;
  }

  update(scores: Float32Array, shape: StaticShape, target: TypedArray): void {
    const classes = classesOf(shape, `${this.name} metric`);
    const labels = target instanceof Int32Array ? target : Int32Array.from(target);
    this.#correct += topKAccuracy(scores, classes, labels, this.k) * labels.length;
    this.#count += labels.length;
  }

  result(): number {
    return this.#count === 0 ? 0 : this.#correct / this.#count;
  }
}

/** Macro-averaged F1 over the classes of the model's output, from a confusion matrix summed over batches. */
class MacroF1Metric implements Metric {
  readonly name = 'macro_f1';
  #cm: ConfusionMatrix | undefined;

  reset(): void {
    this.#cm = undefined;
  }

  update(scores: Float32Array, shape: StaticShape, target: TypedArray): void {
    const classes = classesOf(shape, 'macro_f1 metric');
    if (classes === 1) throw new CnnkitError('SHAPE_MISMATCH', 'macro_f1 metric: the model gives one logit per sample; expected [N, classes] scores');
    const labels = target instanceof Int32Array ? target : Int32Array.from(target);
    const cm = confusionMatrix(argmaxRows(scores, classes), labels, classes);
    this.#cm = this.#cm ? addConfusion(this.#cm, cm) : cm;
  }

  result(): number {
    return this.#cm ? classificationReport(this.#cm).macro.f1 : 0;
  }
}

export function createMetric(spec: MetricName | Metric): Metric {
  if (typeof spec !== 'string') return spec;
  switch (spec) {
    case 'accuracy': return new AccuracyMetric();
    case 'top5_accuracy': return new TopKAccuracyMetric(5);
    case 'macro_f1': return new MacroF1Metric();
    default:
      throw new CnnkitError('INVALID_ARGUMENT', `metric '${String(spec)}' is not known; expected 'accuracy', 'top5_accuracy', 'macro_f1' or a Metric object`);
  }
}

/** A streaming top-k accuracy for any k (logged as top<k>_accuracy). */
export function topKAccuracyMetric(k: number): Metric {
  if (!Number.isInteger(k) || k < 1) throw new CnnkitError('INVALID_ARGUMENT', `topKAccuracyMetric: k is ${k}; expected a positive integer`);
  return new TopKAccuracyMetric(k);
}
