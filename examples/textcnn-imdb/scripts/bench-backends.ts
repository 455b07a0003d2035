// Training throughput of the example's TextCNN on each backend, on random token ids (no data
// needed): how many samples per second fit() trains, so the example can pick a sensible default
// backend and its README can say how long a full run takes.
//
//   npx tsx scripts/bench-backends.ts [--samples 640] [--backends cpu,tfjs-wasm,tfjs-cpu] [--length 200] ...
import { parseArgs } from 'node:util';
import { Adam, type Batch, type DataSource, F, type Rng, type Tensor, createBackend, crossEntropy, fit, manualSeed, maxNormConstraint, setBackend, textCnn } from '@cnnkit/core';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '640' },
    backends: { type: 'string', default: 'cpu,tfjs-wasm' },
    vocab: { type: 'string', default: '10000' },
    length: { type: 'string', default: '200' },
    embedding: { type: 'string', default: '32' },
    maps: { type: 'string', default: '32' },
    windows: { type: 'string', default: '3,4,5' },
    batch: { type: 'string', default: '64' },
  },
});
const n = (s: string | undefined): number => Number.parseInt(s ?? '', 10);
const samples = n(values.samples);
const vocabSize = n(values.vocab);
const length = n(values.length);
const batchSize = n(values.batch);
const windows = (values.windows ?? '').split(',').map(n);

/** Random ids in [2, vocabSize) (0 and 1 are pad and unknown), labels 0 / 1; one fixed set per run. */
function randomTokens(count: number, rng: () => number): { ids: Int32Array; labels: Int32Array } {
  const ids = new Int32Array(count * length);
  for (let i = 0; i < ids.length; i++) ids[i] = 2 + Math.floor(rng() * (vocabSize - 2));
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) labels[i] = rng() < 0.5 ? 0 : 1;
  return { ids, labels };
}

function source(ids: Int32Array, labels: Int32Array): DataSource {
  const size = labels.length;
  return {
    size,
    numBatches: Math.ceil(size / batchSize),
    *batches(_epoch: number, _rng: Rng): Iterable<Batch> {
      for (let start = 0; start < size; start += batchSize) {
        const count = Math.min(batchSize, size - start);
        yield { x: F.tensor(ids.subarray(start * length, (start + count) * length), [count, length], 'int32'), y: F.tensor(labels.subarray(start, start + count), [count], 'int32') };
      }
    },
  };
}

let state = 12345;
const lcg = (): number => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
const { ids, labels } = randomTokens(samples + batchSize, lcg);

for (const name of (values.backends ?? '').split(',')) {
  const [kind, engine] = name.split('-') as [string, string | undefined];
  const backend = await createBackend(kind, engine !== undefined ? { engine } : {});
  setBackend(backend);
  const info = await backend.info();
  manualSeed(0);
  const model = textCnn({ vocabSize, embeddingDim: n(values.embedding), sequenceLength: length, featureMaps: n(values.maps), windows, paddingIdx: 0 });
  const optimizer = new Adam(model.parameters(), { lr: 1e-3 });
  const common = { epochs: 1, loss: (out: Tensor, y: Tensor) => crossEntropy(out, y), optimizer, callbacks: [maxNormConstraint(model)] };
  // One warm-up batch (kernel compilation, wasm start-up, allocator), then the timed run.
  await fit(model, { ...common, train: source(ids.subarray(0, batchSize * length), labels.subarray(0, batchSize)) });
  const started = performance.now();
  await fit(model, { ...common, train: source(ids.subarray(batchSize * length), labels.subarray(batchSize)) });
  const seconds = (performance.now() - started) / 1000;
  const perSecond = samples / seconds;
  console.log(`${name.padEnd(10)} ${info.description}\n           ${perSecond.toFixed(1)} samples/s training (${samples} samples in ${seconds.toFixed(1)} s) -> one epoch of 25,000 reviews ≈ ${(25_000 / perSecond / 60).toFixed(1)} min`);
}
