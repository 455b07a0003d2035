import { type DType, MODEL_ZOO, type ModelSpec, countMacs, init, traceModule } from '@cnnkit/core';

/** One row of `cnnkit models`: what a zoo model is and what it costs at its default input. */
export interface ZooModelSummary {
  readonly name: string;
  readonly family: string;
  /** Parameters as torch.nn counts them (buffers such as BatchNorm's running statistics not included). */
  readonly parameters: number;
  /** Multiply-accumulates of one sample at the default input size (conv and linear layers, as fvcore counts). */
  readonly macs: number;
  /** One sample's input, without the batch axis. */
  readonly inputShape: readonly number[];
  readonly inputDtype: DType;
}

/**
 * Builds the model without drawing initial weights (they are counted, never run: VGG-16's 138 M
 * random draws would take seconds), traces it at batch 1 sharing rather than copying them, and
 * counts its MACs.
 */
export function summarizeZooModel(spec: ModelSpec): ZooModelSummary {
  const input = spec.inputShape();
  const model = init.withoutInitDraws(() => spec.create({ skipInit: true })).eval();
  try {
    const graph = traceModule(model, { shape: [1, ...input.shape], dtype: input.dtype }, { name: spec.name, copyState: false });
    return {
      name: spec.name,
      family: spec.family,
      parameters: model.parameterCount(),
      macs: countMacs(graph).total,
      inputShape: [...input.shape],
      inputDtype: input.dtype,
    };
  } finally {
    model.dispose();
  }
}

/** Every zoo model, in the registry's order, each built and traced only when its turn comes. */
export function* summarizeZoo(): Generator<ZooModelSummary> {
  for (const spec of Object.values(MODEL_ZOO)) yield summarizeZooModel(spec);
}
