import { type Graph, validateGraph } from '@cnnkit/core';
import { ONNX_DTYPE } from '../src/export/context';
import type { ModelReport } from './python-onnx';

/**
 * Where ONNX's own shape inference (check_onnx.py --types) disagrees with cnnkit's types:
 * every graph input and node output must come out with cnnkit's dtype, rank and static sizes
 * (a symbolic cnnkit size may be anything on the ONNX side).
 */
export function typeMismatches(graph: Graph, report: ModelReport): string[] {
  const validated = validateGraph(graph);
  const problems: string[] = [];
  for (const [name, type] of validated.types) {
    if (name in graph.initializers) continue;
    const onnx = report.types?.[name];
    if (!onnx) {
      problems.push(`${name}: no type inferred by ONNX`);
      continue;
    }
    if (onnx.elem_type !== ONNX_DTYPE[type.dtype]) problems.push(`${name}: elem_type ${onnx.elem_type}, cnnkit ${type.dtype}`);
    const shape = onnx.shape;
    if (shape === null || shape.length !== type.shape.length || type.shape.some((d, i) => typeof d === 'number' && shape[i] !== d)) {
      problems.push(`${name}: ONNX shape ${JSON.stringify(shape)}, cnnkit ${JSON.stringify(type.shape)}`);
    }
  }
  return problems;
}
