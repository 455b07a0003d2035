/**
 * Transfer learning, measured: LeNet-5's convolutions learned on MNIST digits, frozen, under a
 * new classifier head trained on Fashion-MNIST clothes — against the very same head trained on
 * frozen RANDOM convolutions. Same head initialisation, data, order and steps for both, so the
 * difference is what the pretrained features are worth.
 *
 *   pnpm --filter @cnnkit/example-finetune-fashion-mnist start
 *   ... start -- --pretrained ../mnist-lenet/out/lenet5.safetensors   # reuse the mnist-lenet example's weights
 *
 * Needs Debian's dataset-fashion-mnist (sudo apt-get install dataset-fashion-mnist).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Linear, type Module, Rng, createBackend, createModel, manualSeed, readSafetensors, replaceModule, setBackend } from '@cnnkit/core';
import { FASHION_MNIST_CLASSES, MNIST_NORMALIZATION, imageDataLoader, loadFashionMnist, loadMnist, normalize } from '@cnnkit/datasets';
import { testAccuracy, trainModel } from './train-and-test';

const here = path.dirname(new URL(import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    pretrained: { type: 'string', default: path.join(here, '..', '..', 'mnist-lenet', 'out', 'lenet5.safetensors') },
    'pretrain-epochs': { type: 'string', default: '1' },
    'fashion-train': { type: 'string', default: '10000' },
    epochs: { type: 'string', default: '1' },
    backend: { type: 'string', default: process.env['CNNKIT_BACKEND'] ?? 'cpu' },
    seed: { type: 'string', default: '1' },
  },
});
const seed = Number(values.seed);
setBackend(await createBackend(values.backend));
// Both datasets are normalised with MNIST's constants: the pretrained convolutions expect that input.
const transform = normalize(MNIST_NORMALIZATION.mean, MNIST_NORMALIZATION.std);

// 1. Features: convolutions trained on MNIST (loaded when the mnist-lenet example saved them, else trained here).
const pretrained = createModel('lenet5', { rng: new Rng(seed) });
if (existsSync(values.pretrained)) {
  pretrained.loadStateDict(Object.fromEntries((await readSafetensors(values.pretrained)).tensors));
  console.log(`pretrained weights: ${values.pretrained}`);
  await pretrained.toBackend();
} else {
  console.log(`no ${values.pretrained}: pretraining LeNet-5 on MNIST for ${values['pretrain-epochs']} epoch(s)`);
  await pretrained.toBackend();
  const mnist = await loadMnist('train');
  await trainModel(pretrained, imageDataLoader(mnist, { batchSize: 64, shuffle: true, transform }), { epochs: Number(values['pretrain-epochs']), lr: 2e-3, seed, label: 'MNIST' });
}
const random = createModel('lenet5', { rng: new Rng(seed + 1000) });
await random.toBackend();

// 2. The same new head on both: fc1, fc2, fc3 replaced by layers drawn from one seed; convolutions frozen.
async function withNewHead(model: Module): Promise<Module> {
  manualSeed(seed + 2000);
  replaceModule(model, 'fc1', new Linear(16 * 5 * 5, 120));
  replaceModule(model, 'fc2', new Linear(120, 84));
  replaceModule(model, 'fc3', new Linear(84, FASHION_MNIST_CLASSES.length));
  model.freeze('conv*');
  return model.toBackend();
}

const fashionTrain = await loadFashionMnist('train', { limit: Number(values['fashion-train']) });
const fashionTest = await loadFashionMnist('test');
const results: Record<string, number> = {};
for (const [name, model] of [['pretrained (MNIST) frozen features', pretrained], ['random frozen features', random]] as const) {
  await withNewHead(model);
  const trainable = model.parameterCount({ trainableOnly: true });
  console.log(`${name}: training the head (${trainable.toLocaleString('en')} of ${model.parameterCount().toLocaleString('en')} parameters) on ${fashionTrain.count.toLocaleString('en')} Fashion-MNIST images`);
  await trainModel(model, imageDataLoader(fashionTrain, { batchSize: 64, shuffle: true, transform }), { epochs: Number(values.epochs), lr: 2e-3, seed, label: name });
  results[name] = await testAccuracy(model, imageDataLoader(fashionTest, { batchSize: 500, transform }), FASHION_MNIST_CLASSES.length);
}

console.log('\nFashion-MNIST test accuracy (10,000 images), same head, same steps:');
for (const [name, acc] of Object.entries(results)) console.log(`  ${name.padEnd(36)} ${(100 * acc).toFixed(2)}%`);
const [pre, rnd] = Object.values(results) as [number, number];
console.log(pre > rnd
  ? `pretrained features win by ${(100 * (pre - rnd)).toFixed(2)} points: what the convolutions learned on digits transfers to clothes`
  : `pretrained features did NOT win (${(100 * (pre - rnd)).toFixed(2)} points): unexpected, see the README`);
process.exitCode = pre > rnd ? 0 : 1;
