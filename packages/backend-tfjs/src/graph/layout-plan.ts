import type { AnyNormalizedNode, ValidatedGraph } from '@cnnkit/core';

/**
 * Where a value lives between nodes: NCHW (core's layout, what every kernel of the table takes) or
 * NHWC (tfjs's convolution layout). A compiled graph keeps convolution outputs in NHWC while the
 * ops reading them can work in NHWC unchanged (relu, inference batchNorm, same-shape add, max
 * pools), so a chain conv → batchNorm → relu → maxPool → conv transposes only at its ends.
 */
export type Layout = 'nchw' | 'nhwc';

/** How one node runs: the *Nhwc steps write NHWC; linearPrepared (weights transposed once) and `kernel` (the table's kernel) write NCHW. */
export type StepKind = 'convNhwc' | 'reluNhwc' | 'batchNormNhwc' | 'addNhwc' | 'maxPoolNhwc' | 'linearPrepared' | 'kernel';

export interface PlannedNode {
  readonly node: AnyNormalizedNode;
  readonly kind: StepKind;
  /** The layout each input arrives in (a kernel step converts NHWC ones back to NCHW first). */
  readonly inputLayouts: readonly Layout[];
  readonly outputLayout: Layout;
}

function isConstant(g: ValidatedGraph, name: string | undefined): boolean {
  return name !== undefined && name !== '' && g.initializers[name] !== undefined;
}

function rank(g: ValidatedGraph, name: string): number {
  return g.types.get(name)?.shape.length ?? -1;
}

function sameShape(g: ValidatedGraph, a: string, b: string): boolean {
  const sa = g.types.get(a)?.shape;
  const sb = g.types.get(b)?.shape;
  return sa !== undefined && sb !== undefined && sa.length === sb.length && sa.every((d, i) => d === sb[i]);
}

/**
 * A convolution that runs as one tfjs call on a filter prepared at compile time: 2-D, one group,
 * constant weights (and bias), no circular padding, and not both strided and dilated (tfjs
 * refuses that pair; the kernel's subsampling path handles it).
 */
function fastConv(g: ValidatedGraph, node: AnyNormalizedNode): boolean {
  if (node.op !== 'conv2d') return false;
  const a = node.attrs;
  const strided = a.strides.some((s) => s > 1);
  const dilated = a.dilations.some((d) => d > 1);
  const bias = node.inputs[2];
  return a.groups === 1 && a.paddingMode !== 'circular' && !(strided && dilated) && rank(g, node.inputs[0]!) === 4
    && isConstant(g, node.inputs[1]) && (bias === undefined || bias === '' || isConstant(g, bias));
}

/** Plans every node's step and every value's layout, from the graph's inputs (NCHW) forward. */
export function planLayouts(g: ValidatedGraph): { nodes: PlannedNode[]; layouts: Map<string, Layout> } {
  const layouts = new Map<string, Layout>();
  const layoutOf = (name: string): Layout => layouts.get(name) ?? 'nchw';
  const nodes = g.nodes.map((node): PlannedNode => {
    const ins = node.inputs.map(layoutOf);
    const x = node.inputs[0] ?? '';
    const nhwcIn = ins[0] === 'nhwc';
    let kind: StepKind = 'kernel';
    if (fastConv(g, node)) kind = 'convNhwc';
    else if (nhwcIn && node.op === 'relu') kind = 'reluNhwc';
    else if (nhwcIn && node.op === 'batchNorm' && node.inputs.slice(1).every((n) => isConstant(g, n))) kind = 'batchNormNhwc';
    else if (nhwcIn && node.op === 'add' && ins[1] === 'nhwc' && sameShape(g, x, node.inputs[1]!)) kind = 'addNhwc';
    else if (nhwcIn && node.op === 'maxPool2d' && node.attrs.dilations.every((d) => d === 1)) kind = 'maxPoolNhwc';
    else if (!nhwcIn && node.op === 'linear' && node.inputs.slice(1).every((n) => isConstant(g, n))) kind = 'linearPrepared';
    const outputLayout: Layout = kind === 'kernel' || kind === 'linearPrepared' ? 'nchw' : 'nhwc';
    for (const out of node.outputs) layouts.set(out, outputLayout);
    return { node, kind, inputLayouts: ins, outputLayout };
  });
  return { nodes, layouts };
}
