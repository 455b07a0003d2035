import {
  type Backend, type DType, type OpType, type Tensor, type TensorValue, type ValidatedGraph, type ZooOptions,
  Tensor as TensorClass, createModel, opsUsed, seededIntegers, seededStateDict, seededUniform, traceModule,
} from '@cnnkit/core';
import type { Tolerance } from '../case';
import type { CaseOutcome } from '../case-outcome';
import { compareTensors } from '../compare';
import { effectiveTolerance } from '../run-case';

/** A model case's input, made from a seed (core's seededUniform / seededIntegers; numpy's twin in scripts/models). */
export interface ModelCaseInput {
  /** With the batch axis: [N, C, H, W] for images, [N, L] for token ids. */
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly seed: number;
  /** Token ids are drawn in [0, high) (int32 inputs only); images are U(−1, 1). */
  readonly high?: number;
}

/**
 * A whole zoo model on seeded weights and a seeded input, against PyTorch's logits for the same
 * weights and input (scripts/models/make_model_goldens.py loads the same seeded state dict into
 * torchvision's model, or into the script's twin of ours). The model is traced into a graph and
 * compiled, so graph-only backends run model cases too.
 */
export interface ModelCase {
  readonly kind: 'model';
  readonly id: string;
  /** The coverage-matrix row, 'model:resnet18'. */
  readonly subject: `model:${string}`;
  readonly level: 'model';
  readonly source: 'pytorch';
  readonly description: string;
  /** The zoo name, and the options it is built with. */
  readonly model: string;
  readonly options: Readonly<ZooOptions>;
  /** seededStateDict's seed. */
  readonly weightSeed: number;
  readonly input: ModelCaseInput;
  /** The logits. */
  readonly expected: TensorValue;
  readonly tolerance: Tolerance;
  /**
   * The ops the traced graph uses, declared so that the plan can skip the case on a backend
   * lacking one without building the model. The runner fails the case when the trace disagrees.
   */
  readonly ops: readonly OpType[];
}

/** The case's input values. */
export function modelCaseInput(input: ModelCaseInput): TensorValue {
  if (input.dtype === 'int32') return seededIntegers(input.shape, input.seed, input.high ?? 1);
  return seededUniform(input.shape, input.seed, -1, 1);
}

/**
 * Lets the event loop turn. A model case computes for seconds in long synchronous stretches
 * (building, tracing, a cpu backend's kernels); without a turn between them a test runner's
 * messages to its worker wait for the whole run of cases (vitest gives up after a minute).
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Builds the case's model (skipping the random init that the seeded weights replace), loads the
 * seeded weights strictly, traces it in eval mode and hands the graph to `use`. The graph shares
 * the model's weight arrays (no copy: VGG's are 0.5 GB), so the model is freed only once `use`
 * is done with it.
 */
export async function withModelCaseGraph<T>(c: ModelCase, use: (graph: ValidatedGraph) => Promise<T>): Promise<T> {
  const model = createModel(c.model, { ...c.options, skipInit: true });
  try {
    model.loadStateDict(seededStateDict(model, c.weightSeed));
    model.eval();
    const graph = traceModule(model, { shape: c.input.shape, dtype: c.input.dtype }, { name: c.id, copyState: false });
    await yieldToEventLoop();
    return await use(graph);
  } finally {
    model.dispose();
  }
}

/** Why the declared ops differ from the traced graph's, or undefined when they agree. */
export function opsProblem(declared: readonly OpType[], graph: ValidatedGraph): string | undefined {
  const used = opsUsed(graph);
  const undeclared = used.filter((op) => !declared.includes(op));
  const unused = declared.filter((op) => !used.includes(op));
  if (undeclared.length === 0 && unused.length === 0) return undefined;
  const parts = [
    ...(undeclared.length ? [`uses ${undeclared.join(', ')}, which the case does not declare`] : []),
    ...(unused.length ? [`does not use declared ${unused.join(', ')}`] : []),
  ];
  return `the traced graph ${parts.join(' and ')}; expected the case's ops [${declared.join(', ')}] to equal the graph's [${used.join(', ')}] (update the case's ops)`;
}

/** Traces, compiles and runs the model on the backend and compares its logits with PyTorch's. */
export async function runModelCase(backend: Backend, c: ModelCase, tolerance: Partial<Tolerance> = {}): Promise<CaseOutcome> {
  await yieldToEventLoop();
  return withModelCaseGraph(c, async (graph) => {
    const problem = opsProblem(c.ops, graph);
    if (problem !== undefined) return { status: 'failed', reason: problem };
    const inputName = graph.inputs[0]!.name;
    const outputName = graph.outputs[0]!;
    let outputs: Record<string, Tensor> = {};
    try {
      const exe = await backend.compile(graph);
      try {
        outputs = await exe.run({ [inputName]: TensorClass.fromValue(modelCaseInput(c.input)) });
      } finally {
        exe.dispose();
      }
      await yieldToEventLoop();
      const out = outputs[outputName];
      if (!out) return { status: 'failed', reason: `output '${outputName}' is missing; got ${Object.keys(outputs).join(', ') || 'nothing'}` };
      const message = compareTensors('logits', await out.toValue(), c.expected, effectiveTolerance(c.tolerance, tolerance));
      return message === undefined ? { status: 'passed' } : { status: 'failed', reason: message };
    } finally {
      for (const t of Object.values(outputs)) t.dispose();
    }
  });
}
