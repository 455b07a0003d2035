import type { AnyNormalizedNode, ValidatedGraph } from '@cnnkit/core';

/**
 * Where a value lives between nodes: NCHW (core's layout, what every kernel of the table takes) or
 * NHWC (tfjs's convolution layout). A compiled graph keeps convolution outputs in NHWC while the
 * ops reading them can work in NHWC unchanged (relu, inference batchNorm, same-shape add, max
 * pools), so a chain conv → batchNorm → relu → maxPool → conv transposes only at its ends.
 * 'nhwc' means channels last at any rank: a rank-3 value is then [N, L, C] (conv1d's NCL turned
 * NLC), read by the same steps. 'nhwcFlat' is an NHWC value flattened from axis 1 ([N, H·W·C], not core's [N, C·H·W]): made only
 * where every reader is a linear with constant weights, whose weight rows compile permutes to
 * match, so a conv stack's flatten → linear needs no transpose either.
 */
export type Layout = 'nchw' | 'nhwc' | 'nhwcFlat';

/**
 * How one node runs: the *Nhwc steps write NHWC (flattenNhwc: nhwcFlat); linearPrepared (weights
 * transposed once, and their rows permuted when its input is nhwcFlat) and `kernel` (the table's
 * kernel) write NCHW.
 */
export type StepKind = 'convNhwc' | 'reluNhwc' | 'batchNormNhwc' | 'addNhwc' | 'maxPoolNhwc' | 'flattenNhwc' | 'transposeToNlc' | 'linearPrepared' | 'kernel';

export interface PlannedNode {
  readonly node: AnyNormalizedNode;
  readonly kind: StepKind;
  /** The layout each input arrives in (a kernel step converts NHWC ones back to NCHW first). */
  readonly inputLayouts: readonly Layout[];
  readonly outputLayout: Layout;
  /** A linear reading an nhwcFlat value: the [C, H, W] it was flattened from. */
  readonly flatFrom?: readonly [number, number, number];
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
 * A convolution that runs as one tfjs call on a filter prepared at compile time: 2-D or 1-D, one group,
 * constant weights (and bias), no circular padding, and not both strided and dilated (tfjs
 * refuses that pair; the kernel's subsampling path handles it).
 */
function fastConv(g: ValidatedGraph, node: AnyNormalizedNode): boolean {
  if (node.op !== 'conv2d' && node.op !== 'conv1d') return false;
  const a = node.attrs;
  const strided = a.strides.some((s) => s > 1);
  const dilated = a.dilations.some((d) => d > 1);
  const bias = node.inputs[2];
  return a.groups === 1 && a.paddingMode !== 'circular' && !(strided && dilated) && rank(g, node.inputs[0]!) === (node.op === 'conv2d' ? 4 : 3)
    && isConstant(g, node.inputs[1]) && (bias === undefined || bias === '' || isConstant(g, bias));
}

/**
 * A rank-3 transpose [0, 2, 1] whose output only fast conv1ds read (as their input; no graph
 * output): [N, A, B] → [N, B, A] channels first is the input itself channels last (as an
 * embedding's [N, L, E] output feeding a conv1d over E channels), so it moves no data.
 */
function transposeForConv1d(g: ValidatedGraph, node: AnyNormalizedNode, readers: ReadonlyMap<string, AnyNormalizedNode[]>): boolean {
  if (node.op !== 'transpose' || rank(g, node.inputs[0]!) !== 3 || node.attrs.perm.join() !== '0,2,1') return false;
  const out = node.outputs[0]!;
  const uses = readers.get(out) ?? [];
  return !g.outputs.includes(out) && uses.length > 0
    && uses.every((r) => r.op === 'conv1d' && fastConv(g, r) && r.inputs.indexOf(out) === 0 && r.inputs.lastIndexOf(out) === 0);
}

function linearWithConstants(g: ValidatedGraph, node: AnyNormalizedNode): boolean {
  return node.op === 'linear' && node.inputs.slice(1).every((n) => isConstant(g, n));
}

/**
 * flatten(startDim 1) of a rank-4 NHWC value with static C, H, W whose output only linears with
 * constant weights read (as their input, and no graph output is it): it can stay nhwcFlat.
 */
function flattensForLinears(g: ValidatedGraph, node: AnyNormalizedNode, readers: ReadonlyMap<string, AnyNormalizedNode[]>): boolean {
  if (node.op !== 'flatten') return false;
  const shape = g.types.get(node.inputs[0]!)?.shape;
  if (shape === undefined || shape.length !== 4 || !shape.slice(1).every((d) => typeof d === 'number')) return false;
  const start = node.attrs.startDim < 0 ? node.attrs.startDim + 4 : node.attrs.startDim;
  const end = node.attrs.endDim < 0 ? node.attrs.endDim + 4 : node.attrs.endDim;
  const out = node.outputs[0]!;
  const uses = readers.get(out) ?? [];
  return start === 1 && end === 3 && !g.outputs.includes(out) && uses.length > 0
    && uses.every((r) => linearWithConstants(g, r) && r.inputs.indexOf(out) === 0 && r.inputs.lastIndexOf(out) === 0);
}

/** Plans every node's step and every value's layout, from the graph's inputs (NCHW) forward. */
export function planLayouts(g: ValidatedGraph): { nodes: PlannedNode[]; layouts: Map<string, Layout> } {
  const readers = new Map<string, AnyNormalizedNode[]>();
  for (const node of g.nodes) for (const name of new Set(node.inputs)) readers.set(name, [...(readers.get(name) ?? []), node]);
  const layouts = new Map<string, Layout>();
  /** nhwcFlat values: the [C, H, W] (core's order) each was flattened from. */
  const flatFrom = new Map<string, readonly [number, number, number]>();
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
    else if (nhwcIn && flattensForLinears(g, node, readers)) kind = 'flattenNhwc';
    else if (ins[0] === 'nchw' && transposeForConv1d(g, node, readers)) kind = 'transposeToNlc';
    else if (!nhwcIn && linearWithConstants(g, node)) kind = 'linearPrepared';
    const outputLayout: Layout = kind === 'kernel' || kind === 'linearPrepared' ? 'nchw' : kind === 'flattenNhwc' ? 'nhwcFlat' : 'nhwc';
    for (const out of node.outputs) layouts.set(out, outputLayout);
    if (kind === 'flattenNhwc') flatFrom.set(node.outputs[0]!, g.types.get(x)!.shape.slice(1) as [number, number, number]);
    const from = kind === 'linearPrepared' ? flatFrom.get(x) : undefined;
    return { node, kind, inputLayouts: ins, outputLayout, ...(from ? { flatFrom: from } : {}) };
  });
  return { nodes, layouts };
}
