import type { DType, OpType } from '@cnnkit/core';
import type { ConformanceCase } from './case';
import type { ModelCase } from './models/model-case';
import type { GradientCase } from './training/gradient-case';
import { gradientKernels } from './training/gradient-kernels';
import type { ModelTrainingCase } from './training/model-training-case';
import type { OptimizerCase } from './training/optimizer-case';

/**
 * Every kind of case the suite runs: forward op cases (a graph, compiled), whole zoo models on
 * seeded weights (traced, compiled), gradient cases (one op's autograd on an eager backend),
 * optimizer steps and model-training runs.
 */
export type SuiteCase = ConformanceCase | ModelCase | GradientCase | OptimizerCase | ModelTrainingCase;

export type CaseKind = 'op' | 'model' | 'gradient' | 'optimizer' | 'model-training';

/** The part of the coverage matrix a case counts in. */
export type MatrixSection = 'forward' | 'model' | 'gradient' | 'training';

export function caseKind(c: SuiteCase): CaseKind {
  return 'kind' in c ? c.kind : 'op';
}

/** The coverage-matrix row: the op for op and gradient cases, else the case's own subject ('model:resnet18', 'training:lenet5'). */
export function caseSubject(c: SuiteCase): string {
  return 'subject' in c ? c.subject : c.op;
}

/**
 * Forward op cases (and op-kind graph cases of any level but training) count per op; zoo model
 * cases per model; gradient cases per op in their own section; optimizer steps and training runs
 * per subject.
 */
export function matrixSection(kind: CaseKind, level: string): MatrixSection {
  if (kind === 'model') return 'model';
  if (kind === 'gradient') return 'gradient';
  if (kind === 'op' && level !== 'training') return 'forward';
  return 'training';
}

/** Cases that run op by op on core's eager engine, and so need a backend declaring training. */
export function needsTraining(c: SuiteCase): boolean {
  return c.level === 'training';
}

/** The kernels core's optimizers update parameters and state with (Adam's amsgrad keeps a running maximum). */
const OPTIMIZER_KERNELS: Readonly<Record<OptimizerCase['optimizer'], readonly OpType[]>> = {
  SGD: ['add', 'sub', 'mul'],
  Adam: ['add', 'sub', 'mul', 'div', 'sqrt', 'concat', 'reduceMax', 'reshape'],
  AdamW: ['add', 'sub', 'mul', 'div', 'sqrt', 'concat', 'reduceMax', 'reshape'],
};

/** The ops whose kernels the case runs: a backend that does not declare one skips it. */
export function requiredOps(c: SuiteCase): readonly OpType[] {
  switch (caseKind(c)) {
    case 'gradient':
      return gradientKernels(c as GradientCase);
    case 'optimizer':
      return OPTIMIZER_KERNELS[(c as OptimizerCase).optimizer];
    case 'model':
      return (c as ModelCase).ops;
    case 'model-training':
      return (c as ModelTrainingCase).ops;
    default:
      return [(c as ConformanceCase).op];
  }
}

/** Every dtype a case feeds or expects (training runs are float32 throughout; models float32 but for textCnn's token ids). */
export function caseDtypes(c: SuiteCase): DType[] {
  let values: { readonly dtype: DType }[];
  if (!('kind' in c)) values = [...Object.values(c.inputs), ...Object.values(c.expected), ...Object.values(c.graph.initializers)];
  else if (c.kind === 'gradient') values = [...c.inputs, ...c.upstream.flatMap((u) => (u ? [u] : [])), ...(c.expected ?? [])];
  else if (c.kind === 'optimizer') values = [...c.params, ...c.grads.flat().flatMap((g) => (g ? [g] : []))];
  else if (c.kind === 'model') values = [c.input, c.expected];
  else values = [{ dtype: 'float32' }];
  return [...new Set(values.map((v) => v.dtype))];
}
