import { type Executable, type Graph, type KernelTable, compileWithKernels, foldBatchNorm, validateGraph, valueUses } from '@cnnkit/core';
import { fromHost } from '../tensor';
import { fuseRelu } from './fuse-relu';
import { prepareNode } from './prepare-node';

const FRESH_OUTPUT = new Set<string>(['conv1d', 'conv2d', 'linear', 'add', 'batchNorm']);

/**
 * compile() of the cpu backend: the graph as written, rewritten for inference first — batchNorm
 * folded into the convolution before it (core's foldBatchNorm, as torch.onnx.export does), relu
 * fused into the node before it (fuse-relu.ts) — then run node by node by core's interpreter with
 * each node's kernel prepared once (prepare-node.ts: constant weights packed for the GEMM,
 * residual adds written in place). The values equal the unrewritten graph's to float32 rounding
 * (folding reorders the batchNorm arithmetic; the rest is exact).
 */
export function compileOptimized(graph: Graph, backend: string, kernels: KernelTable): Executable {
  const folded = foldBatchNorm(validateGraph(graph)).graph;
  const { graph: fused, fused: withRelu } = fuseRelu(validateGraph(folded));
  const g = validateGraph(fused);
  const { readers } = valueUses(g);
  // Only ops whose kernels always return a new array: a reshape's output shares its input's.
  const made = new Set(g.nodes.filter((n) => FRESH_OUTPUT.has(n.op)).flatMap((n) => n.outputs));
  const outputs = new Set(g.outputs);
  const overwritable = new Set([...made].filter((v) => readers.get(v) === 1 && !outputs.has(v)));
  return compileWithKernels(g, {
    backend,
    kernels,
    upload: fromHost,
    prepare: (node, constants) => prepareNode(node, { constants, relu: withRelu.has(node.name), overwritable }),
  });
}
