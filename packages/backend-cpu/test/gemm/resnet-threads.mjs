// resnet18 / resnet50 batch-1 224×224 eval forward, median ms, threads 1 vs N in one run.
// Run from anywhere after `npx tsup` in packages/core and packages/backend-cpu:
//   node packages/backend-cpu/test/gemm/resnet-threads.mjs [runs=5] [threads=1,2]
import * as core from '../../../core/dist/index.js';
import { createBackend } from '../../dist/index.js';
const { setBackend, createModel, F, noGrad, Rng } = core;
const runs = Number(process.argv[2] ?? 5);
const threadCounts = (process.argv[3] ?? '1,2').split(',').map(Number);
setBackend(createBackend({ threads: 1 }));
const rng = new Rng(2);
const x = F.tensor(Array.from({ length: 3 * 224 * 224 }, () => rng.nextNormal()), [1, 3, 224, 224]);
for (const name of ['resnet18', 'resnet50']) {
  setBackend(createBackend({ threads: 1 }));
  const model = createModel(name, { rng: new Rng(1) });
  model.eval();
  const times = Object.fromEntries(threadCounts.map((t) => [t, []]));
  const outputs = {};
  // Blocks per thread count (a change of count restarts the pool), each with a warm-up run.
  for (const t of threadCounts) {
    const backend = createBackend({ threads: t });
    setBackend(backend);
    for (let r = 0; r < runs + 1; r++) {
      const t0 = performance.now();
      const y = noGrad(() => model.call(x));
      const data = y.dataSync();
      const ms = performance.now() - t0;
      if (r > 0) times[t].push(ms); // run 0 is warm-up (and starts the workers)
      outputs[t] = data;
    }
  }
  const same = threadCounts.every((t) => outputs[t].every((v, i) => Object.is(v, outputs[threadCounts[0]][i])));
  for (const t of threadCounts) {
    const s = times[t].sort((a, b) => a - b);
    console.log(`${name} b1 forward threads ${t}: median ${s[Math.floor(s.length / 2)].toFixed(0)} ms (runs ${s.map((v) => v.toFixed(0)).join(', ')})`);
  }
  console.log(`${name}: outputs bit-identical across thread counts: ${same}`);
}
