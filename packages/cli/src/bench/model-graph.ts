import { type DType, type Module, Rng, type ValidatedGraph, init, modelSpec, seededStateDict, traceModule } from '@cnnkit/core';

/** A zoo model ready to bench: its eval-mode graph with a symbolic batch, and one sample's input type. */
export interface BenchModel {
  readonly name: string;
  readonly graph: ValidatedGraph;
  readonly sampleShape: readonly number[];
  readonly dtype: DType;
  /** Token ids lie in [0, vocabSize) for textCnn; unused for images. */
  readonly vocabSize: number;
  dispose(): void;
}

const WEIGHT_SEED = 1;

/**
 * Builds a zoo model with seeded weights (core's seededStateDict, no init draws: drawing
 * ResNet-50's init only to overwrite it costs seconds), in eval mode, traced with batch 'N'. The
 * graph shares the model's arrays (copyState false: VGG-11's copy would be half a gigabyte more),
 * so the model is kept until dispose().
 */
export function buildBenchModel(name: string): BenchModel {
  const spec = modelSpec(name);
  const sample = spec.inputShape();
  const model: Module = init.withoutInitDraws(() => spec.create({ skipInit: true }));
  model.loadStateDict(seededStateDict(model, WEIGHT_SEED));
  model.eval();
  const graph = traceModule(model, { shape: ['N', ...sample.shape], dtype: sample.dtype }, { name: spec.name, copyState: false });
  const vocabSize = graph.initializers['embedding.weight']?.shape[0] ?? 0;
  return { name: spec.name, graph, sampleShape: sample.shape, dtype: sample.dtype, vocabSize, dispose: () => model.dispose() };
}

/** A batch of seeded inputs: standard-normal-ish pixels, or token ids uniform in [0, vocabSize). */
export function benchInput(model: BenchModel, batch: number, seed = 7): { shape: number[]; data: Float32Array | Int32Array } {
  const shape = [batch, ...model.sampleShape];
  const size = shape.reduce((a, b) => a * b, 1);
  const rng = new Rng(seed);
  if (model.dtype === 'int32') {
    const ids = new Int32Array(size);
    for (let i = 0; i < size; i++) ids[i] = rng.nextUint32() % model.vocabSize;
    return { shape, data: ids };
  }
  const pixels = new Float32Array(size);
  for (let i = 0; i < size; i++) pixels[i] = rng.nextNormal();
  return { shape, data: pixels };
}
