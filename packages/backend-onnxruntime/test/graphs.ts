import type { Graph, TensorValue } from '@cnnkit/core';

/** Values from a small integer hash: deterministic, no two alike, in [-1, 1). */
export function values(n: number, salt: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => (((i + 1) * 7919 + salt * 104729) % 2000) / 1000 - 1);
}

export function tensor(shape: number[], salt: number): TensorValue {
  return { dtype: 'float32', shape, data: values(shape.reduce((a, b) => a * b, 1), salt) };
}

/** conv 3x3 pad 1 -> relu -> global average pool -> flatten -> linear: a small CNN with a symbolic batch. */
export function smallCnn(salt = 1): Graph {
  return {
    name: 'small-cnn',
    inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 2, 5, 5] }],
    outputs: ['logits'],
    initializers: { w: tensor([4, 2, 3, 3], salt), b: tensor([4], salt + 1), fw: tensor([3, 4], salt + 2), fb: tensor([3], salt + 3) },
    nodes: [
      { name: 'conv', op: 'conv2d', inputs: ['x', 'w', 'b'], outputs: ['c'], attrs: { pads: 1 } },
      { name: 'relu', op: 'relu', inputs: ['c'], outputs: ['r'], attrs: {} },
      { name: 'pool', op: 'globalAvgPool', inputs: ['r'], outputs: ['p'], attrs: {} },
      { name: 'flatten', op: 'flatten', inputs: ['p'], outputs: ['f'], attrs: { startDim: 1 } },
      { name: 'fc', op: 'linear', inputs: ['f', 'fw', 'fb'], outputs: ['logits'], attrs: {} },
    ],
  };
}
