import type { AnyNormalizedNode, Kernel, OpType, Tensor } from '@cnnkit/core';
import { packGemmA } from '../gemm/gemm';
import { WASM_ELEMENTWISE_MIN, wasmAddRelu, wasmElementwiseAvailable, wasmRelu } from '../gemm/wasm/elementwise';
import { addKernel } from '../kernels/add';
import { convolution } from '../kernels/convolution';
import { linearKernel } from '../kernels/linear';
import { f32 } from '../tensor';

/** What the compiled graph knows about a node beyond the node itself. */
export interface NodeContext {
  /** The graph's constants, uploaded. */
  readonly constants: ReadonlyMap<string, Tensor>;
  /** The node ends in a relu fuseRelu folded into it. */
  readonly relu: boolean;
  /**
   * Inputs this node may overwrite: values another node of this run made, that only this node
   * reads and that are not graph outputs.
   */
  readonly overwritable: ReadonlySet<string>;
}

/**
 * The kernel one node of a compiled graph runs, settled once at compile time: convolutions with
 * constant weights get them packed for the GEMM once instead of on every run, and nodes that
 * took over a relu apply it to their fresh output in place. Undefined keeps the table's kernel.
 */
export function prepareNode(node: AnyNormalizedNode, context: NodeContext): Kernel<OpType> | undefined {
  switch (node.op) {
    case 'conv1d':
    case 'conv2d':
      return prepareConvolution(node.op, node.inputs[1]!, node.attrs.groups, context) as Kernel<OpType>;
    case 'linear':
      return context.relu ? (withRelu(linearKernel) as Kernel<OpType>) : undefined;
    case 'add':
      return prepareAdd(node.inputs, context) as Kernel<OpType>;
    default:
      return undefined;
  }
}

function prepareConvolution(op: 'conv1d' | 'conv2d', weightName: string, groups: number, context: NodeContext): Kernel<'conv1d' | 'conv2d'> {
  const weight = context.constants.get(weightName);
  let packedWeights;
  if (weight !== undefined && weight.dtype === 'float32') {
    const w = f32(weight);
    const groupOut = weight.shape[0]! / groups;
    const depth = w.length / weight.shape[0]!;
    packedWeights = Array.from({ length: groups }, (_, g) => packGemmA(groupOut, depth, w, g * groupOut * depth, depth, false));
  }
  const prepared = { packedWeights, relu: context.relu };
  return (inputs, attrs) => convolution(op, inputs, attrs, prepared);
}

/**
 * add, with its relu fused and, when one operand is a dead intermediate of the same shape as the
 * sum (a residual branch's last convolution), written into that operand instead of a new array.
 */
function prepareAdd(inputs: readonly string[], context: NodeContext): Kernel<'add'> | undefined {
  const into = inputs.findIndex((name, i) => context.overwritable.has(name) && inputs.indexOf(name) === i && inputs.lastIndexOf(name) === i);
  if (into < 0) return context.relu ? withRelu(addKernel) : undefined;
  const relu = context.relu;
  return (tensors, attrs) => {
    const target = tensors[into]!, other = tensors[1 - into]!;
    if (target.dtype !== 'float32' || other.dtype !== 'float32' || !sameShape(target.shape, other.shape)) {
      const outs = addKernel(tensors, attrs);
      if (relu) reluInPlace(f32(outs[0]!));
      return outs;
    }
    const y = f32(target), b = f32(other);
    if (relu && y.length >= WASM_ELEMENTWISE_MIN && wasmElementwiseAvailable()) {
      wasmAddRelu(y, b);
    } else if (relu) {
      for (let i = 0; i < y.length; i++) {
        const v = y[i]! + b[i]!;
        y[i] = v < 0 ? 0 : v;
      }
    } else {
      for (let i = 0; i < y.length; i++) y[i] = y[i]! + b[i]!;
    }
    return [target];
  };
}

function withRelu<K extends OpType>(kernel: Kernel<K>): Kernel<K> {
  return (inputs, attrs) => {
    const outs = kernel(inputs, attrs);
    reluInPlace(f32(outs[0]!));
    return outs;
  };
}

/** relu over a kernel's own fresh output; keeps NaN, as the relu kernel does. */
function reluInPlace(y: Float32Array): void {
  if (y.length >= WASM_ELEMENTWISE_MIN && wasmElementwiseAvailable()) {
    wasmRelu(y, y);
    return;
  }
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v < 0) y[i] = 0;
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
