// Child process of checkpoint-kill.test.ts (bundled from source with tsup before it runs):
// saves a big checkpoint at the same path over and over, version after version, announcing
// "begin v" before each save and "saved v" after it, until it is killed.
//   node checkpoint-kill-child.mjs <file> <first version> <float32 values per tensor>
import { type OptimizerState, saveCheckpoint } from '@cnnkit/core';

const [file, first, size] = process.argv.slice(2);
if (!file || !first || !size) throw new Error('usage: checkpoint-kill-child <file> <first version> <values per tensor>');
const n = Number(size);
const weight = new Float32Array(n);
const moment = new Float32Array(n);

for (let v = Number(first); ; v++) {
  // Every value of version v is derived from v, so a reader can tell a whole version from a mix.
  weight.fill(v);
  moment.fill(-v);
  const optimizer: OptimizerState = {
    optimizer: 'SGD',
    state: { 0: { momentum_buffer: { dtype: 'float32', shape: [n], data: moment } } },
    paramGroups: [{ params: [0], options: { lr: v / 1000 } }],
  };
  process.stdout.write(`begin ${v}\n`);
  await saveCheckpoint(file, {
    model: { weight: { dtype: 'float32', shape: [n], data: weight }, 'bn.num_batches_tracked': { dtype: 'int32', shape: [], data: Int32Array.of(v) } },
    optimizer, epoch: v, step: 10 * v, history: [{ epoch: v, loss: 1 / v, lr: v / 1000 }],
  });
  process.stdout.write(`saved ${v}\n`);
}
