import type { Graph } from '@cnnkit/core';

/** The smallest graph there is (relu of two values): what the CUDA probe creates and runs a session for. */
export function probeGraph(): Graph {
  return {
    name: 'cuda-probe',
    inputs: [{ name: 'x', dtype: 'float32', shape: [2] }],
    outputs: ['y'],
    initializers: {},
    nodes: [{ name: 'relu', op: 'relu', inputs: ['x'], outputs: ['y'], attrs: {} }],
  };
}
